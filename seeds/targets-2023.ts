/**
 * The measurable targets of Jiaxing's 2023 housing and urban-rural construction work plan, as data
 * (source: /work/shared/plan-2023, summarised in TARGETS.md). Figures and units are the plan's own;
 * item numbers are the plan's numbered items. A new project stores these so that the app can show
 * progress against each one.
 */

export type TargetMetric = 'count' | 'sum' | 'length' | 'area' | 'coverage';

export interface PlanTarget {
  /** The plan's item number (1–26). */
  item: number;
  /** Stable ASCII id. */
  key: string;
  name: { zh: string; en: string };
  figure: number;
  unit: { zh: string; en: string };
  /** Layer kind the metric is computed from (an id from shared/layers where one exists). */
  kind: string;
  metric: TargetMetric;
  /** Field summed (metric 'sum') or measured, where the metric needs one. */
  field?: string;
}

const U = {
  yi: { zh: '亿元', en: '100M CNY' },
  mu: { zh: '亩', en: 'mu' },
  wanM2: { zh: '万平方米', en: '10,000 m²' },
  tiao: { zh: '条', en: 'roads' },
  km: { zh: '公里', en: 'km' },
  zuo: { zh: '座', en: 'structures' },
  ge: { zh: '个', en: 'items' },
  space: { zh: '个', en: 'spaces' },
  zhuang: { zh: '幢', en: 'buildings' },
  ha: { zh: '公顷', en: 'ha' },
  chu: { zh: '处', en: 'sites' },
  tao: { zh: '套', en: 'units' },
  pct: { zh: '%', en: '%' },
} as const;

/** Every quantified 2023 target a map can measure, in plan order. */
export const TARGETS_2023: readonly PlanTarget[] = [
  { item: 1, key: 'renewal_investment', name: { zh: '城市更新总投资', en: 'Total urban-renewal investment' }, figure: 1400, unit: U.yi, kind: 'renewal_parcel', metric: 'sum', field: '投资额' },
  { item: 2, key: 'renewal_land_started', name: { zh: '启动城镇更新土地', en: 'Renewal land started' }, figure: 5000, unit: U.mu, kind: 'renewal_parcel', metric: 'area', field: '面积' },
  { item: 2, key: 'relocation_floor_area', name: { zh: '房屋征迁', en: 'Floor area relocated' }, figure: 300, unit: U.wanM2, kind: 'renewal_parcel', metric: 'sum', field: '征迁面积' },
  { item: 3, key: 'networked_roads', name: { zh: '城市联网路', en: 'Network-linking roads' }, figure: 9, unit: U.tiao, kind: 'road', metric: 'count' },
  { item: 3, key: 'roads_main_urban', name: { zh: '主城区新建改造道路', en: 'Roads built or rebuilt, main urban area' }, figure: 5, unit: U.km, kind: 'road', metric: 'length', field: '长度' },
  { item: 3, key: 'roads_other_counties', name: { zh: '其他市县新建改造道路', en: 'Roads built or rebuilt, other counties' }, figure: 21, unit: U.km, kind: 'road', metric: 'length', field: '长度' },
  { item: 3, key: 'bridge_bumps', name: { zh: '“桥头跳车”城市桥梁整治', en: 'Bridge-approach bumps fixed' }, figure: 17, unit: U.zuo, kind: 'bridge', metric: 'count' },
  { item: 3, key: 'road_defects', name: { zh: '道路不平等病害点段整治', en: 'Road defects repaired' }, figure: 18, unit: U.km, kind: 'road', metric: 'length', field: '长度' },
  { item: 3, key: 'smart_roads', name: { zh: '新建改造智慧道路', en: 'Smart roads built or upgraded' }, figure: 10, unit: U.km, kind: 'road', metric: 'length', field: '长度' },
  { item: 3, key: 'sidewalk_clearance', name: { zh: '人行道净化', en: 'Sidewalks cleared' }, figure: 8, unit: U.tiao, kind: 'road', metric: 'count' },
  { item: 3, key: 'parking_lots_schools_hospitals', name: { zh: '学校、医院周边公共停车场', en: 'Public car parks near schools and hospitals' }, figure: 20, unit: U.ge, kind: 'parking_lot', metric: 'count' },
  { item: 3, key: 'parking_lots_high_quality', name: { zh: '高品质公共停车场', en: 'High-quality public car parks' }, figure: 7, unit: U.ge, kind: 'parking_lot', metric: 'count' },
  { item: 3, key: 'parking_spaces_new', name: { zh: '新增公共停车位', en: 'New public parking spaces' }, figure: 5000, unit: U.space, kind: 'parking_lot', metric: 'sum', field: '泊位数' },
  { item: 3, key: 'old_communities_started', name: { zh: '城镇老旧小区改造开工', en: 'Old communities started renovation' }, figure: 35, unit: U.ge, kind: 'residential_area', metric: 'count' },
  { item: 3, key: 'old_community_buildings', name: { zh: '老旧小区改造楼栋数', en: 'Buildings in old communities renovated' }, figure: 136, unit: U.zhuang, kind: 'residential_area', metric: 'sum', field: '楼栋数' },
  { item: 3, key: 'water_mains', name: { zh: '新建和改造供水管网', en: 'Water mains built or renewed' }, figure: 40, unit: U.km, kind: 'pipeline', metric: 'length' },
  { item: 3, key: 'secondary_water_supply', name: { zh: '高层住宅二次供水设施改造', en: 'High-rise secondary water supply upgraded' }, figure: 100, unit: U.ge, kind: 'residential_area', metric: 'count' },
  { item: 4, key: 'urban_green_new', name: { zh: '新增城市绿地', en: 'New urban green space' }, figure: 100, unit: U.ha, kind: 'park', metric: 'area', field: '面积' },
  { item: 4, key: 'parks_built', name: { zh: '新建改建城市公园', en: 'City parks built or renovated' }, figure: 20, unit: U.ge, kind: 'park', metric: 'count' },
  { item: 4, key: 'greenways_built', name: { zh: '新建改建绿道', en: 'Greenways built or renovated' }, figure: 15, unit: U.km, kind: 'greenway', metric: 'length', field: '长度' },
  // The plan names "5分钟见绿" without a figure; 90% is the residential-land coverage of GB/T 51346-2019 4.3.4.
  { item: 4, key: 'green_5min_coverage', name: { zh: '5分钟见绿覆盖率', en: 'Homes within 5 minutes of green' }, figure: 90, unit: U.pct, kind: 'residential_area', metric: 'coverage' },
  { item: 5, key: 'historic_districts_added', name: { zh: '增补申报历史文化名镇名村街区', en: 'Historic towns, villages and districts added' }, figure: 2, unit: U.chu, kind: 'historic_district', metric: 'count' },
  { item: 5, key: 'historic_buildings_added', name: { zh: '增补历史建筑', en: 'Historic buildings added' }, figure: 10, unit: U.chu, kind: 'historic_building', metric: 'count' },
  { item: 6, key: 'future_communities_built', name: { zh: '未来社区建成', en: 'Future communities completed' }, figure: 15, unit: U.ge, kind: 'community', metric: 'count' },
  { item: 6, key: 'future_community_pilots', name: { zh: '申报省级未来社区试点', en: 'Provincial future-community pilots declared' }, figure: 30, unit: U.ge, kind: 'community', metric: 'count' },
  { item: 6, key: 'warm_life_circles', name: { zh: '“温暖嘉”未来社区生活圈', en: '"Warm Jiaxing" community life circles' }, figure: 20, unit: U.ge, kind: 'community', metric: 'count' },
  { item: 7, key: 'style_zones_city', name: { zh: '城市风貌样板区', en: 'Urban style showcase zones' }, figure: 15, unit: U.ge, kind: 'style_zone', metric: 'count' },
  { item: 7, key: 'style_zones_county', name: { zh: '县域风貌样板区', en: 'County style showcase zones' }, figure: 7, unit: U.ge, kind: 'style_zone', metric: 'count' },
  { item: 8, key: 'modern_towns', name: { zh: '省级现代化美丽城镇', en: 'Provincial modern beautiful towns' }, figure: 10, unit: U.ge, kind: 'town', metric: 'count' },
  { item: 8, key: 'model_villages', name: { zh: '美丽宜居示范村', en: 'Beautiful liveable model villages' }, figure: 11, unit: U.ge, kind: 'village', metric: 'count' },
  { item: 10, key: 'affordable_rental_units', name: { zh: '保障性租赁住房筹建', en: 'Affordable rental homes raised' }, figure: 28400, unit: U.tao, kind: 'housing_project', metric: 'sum', field: '套数' },
  { item: 10, key: 'public_rental_units', name: { zh: '新建公租房', en: 'Public rental homes built' }, figure: 2002, unit: U.tao, kind: 'housing_project', metric: 'sum', field: '套数' },
  { item: 10, key: 'shantytown_units', name: { zh: '棚户区改造开工', en: 'Shanty-town homes rebuilt' }, figure: 2046, unit: U.tao, kind: 'housing_project', metric: 'sum', field: '套数' },
  { item: 16, key: 'transfer_stations_new', name: { zh: '中型中转站建设', en: 'Medium waste transfer stations built' }, figure: 2, unit: U.zuo, kind: 'facility', metric: 'count' },
  { item: 16, key: 'transfer_stations_renovated', name: { zh: '中转站改造', en: 'Waste transfer stations renovated' }, figure: 11, unit: U.zuo, kind: 'facility', metric: 'count' },
  { item: 17, key: 'rural_sewage_coverage', name: { zh: '农村生活污水治理行政村覆盖率', en: 'Villages with rural sewage treatment' }, figure: 88.7, unit: U.pct, kind: 'village', metric: 'coverage' },
  { item: 17, key: 'sewage_effluent_compliance', name: { zh: '出水水质达标率', en: 'Treated effluent meeting standard' }, figure: 92, unit: U.pct, kind: 'sewage_plant', metric: 'coverage' },
  { item: 18, key: 'gas_pipes', name: { zh: '燃气管道改造', en: 'Gas pipes renewed' }, figure: 20, unit: U.km, kind: 'pipeline', metric: 'length' },
  { item: 18, key: 'road_unevenness', name: { zh: '道路起伏不平整治', en: 'Uneven roads repaired' }, figure: 8, unit: U.km, kind: 'road', metric: 'length', field: '长度' },
  { item: 18, key: 'bridge_bumps_safety', name: { zh: '桥头跳车整治', en: 'Bridge-approach bumps fixed (safety)' }, figure: 13, unit: U.zuo, kind: 'bridge', metric: 'count' },
  { item: 18, key: 'storm_pipes', name: { zh: '雨水管道提升改造', en: 'Storm drains upgraded' }, figure: 25, unit: U.km, kind: 'pipeline', metric: 'length' },
  { item: 19, key: 'clean_model_blocks', name: { zh: '保洁样板街区', en: 'Model clean street blocks' }, figure: 9, unit: U.ge, kind: 'street_block', metric: 'count' },
  { item: 19, key: 'city_living_rooms', name: { zh: '“席地可坐”城市客厅', en: '"Sit-on-the-ground" city living rooms' }, figure: 9, unit: U.ge, kind: 'street_block', metric: 'count' },
  { item: 20, key: 'property_service_coverage', name: { zh: '住宅小区专业物业服务覆盖率', en: 'Residential estates with professional property management' }, figure: 90, unit: U.pct, kind: 'residential_area', metric: 'coverage' },
  { item: 24, key: 'service_stations', name: { zh: '驿站便民服务提升', en: 'Service stations upgraded' }, figure: 20, unit: U.zuo, kind: 'facility', metric: 'count' },
];
