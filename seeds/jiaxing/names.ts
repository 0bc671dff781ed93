/**
 * Name parts for the synthetic features. Place words are local-sounding (禾, 秀, 槜李, 月河 ...), but the
 * names they make are invented: nothing here claims to be a real 小区, school or building.
 */
export const PLACE_WORDS = [
  '嘉禾', '秀水', '南湖', '月河', '梅湾', '紫阳', '勤俭', '禾兴', '凌塘', '东栅', '西丽', '中山', '建设', '文昌',
  '春波', '长水', '双溪', '清河', '运河', '鸳鸯', '烟雨', '槜李', '由拳', '荷花', '桂苑', '锦绣', '阳光', '景湖',
  '湖滨', '香樟', '新塍', '王店', '城南', '城北', '塘湾', '秀园', '洪波', '南溪', '梅园', '竹林', '芦席', '甪里',
  '东门', '北门', '西门', '南门', '少年', '府前', '富润', '昌盛', '广益', '纺工', '嘉北', '东升',
];

/** 小区 suffixes: 新村 and 小区 read as older estates, 花园 / 家园 / 苑 as newer ones. */
export const OLD_ESTATE_SUFFIXES = ['新村', '小区', '公寓'];
export const NEW_ESTATE_SUFFIXES = ['花园', '家园', '苑', '华庭', '名邸'];

/** Street-name endings for the collector and local roads. */
export const STREET_SUFFIXES = ['路', '街', '巷'];

/** Draws unique names from a generator of candidates, so that no two features share a name. */
export function uniqueNamer(): (make: () => string) => string {
  const used = new Set<string>();
  return (make) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const name = make();
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    // Fall back to numbering: the candidate pool is exhausted for this seed.
    let n = 2;
    const base = make();
    while (used.has(`${base}${n}`)) n++;
    used.add(`${base}${n}`);
    return `${base}${n}`;
  };
}

/** Chinese numerals for ordinal names (第一 … 第十二). */
export const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
