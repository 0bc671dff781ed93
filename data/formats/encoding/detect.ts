/** How a text encoding was settled, for the import preview's notes. */
export type EncodingSource = 'user' | 'declared' | 'detected' | 'default';

export interface EncodingChoice {
  /** A label TextDecoder accepts, e.g. 'utf-8', 'gbk', 'windows-1252'. */
  encoding: string;
  source: EncodingSource;
}

/**
 * About 2,200 of the most frequent Chinese characters, simplified and traditional (the top 1,500 of
 * each by the frequency tables of Mozilla's universal charset detector), plus characters of Jiaxing
 * place names. Text decoded with the wrong CJK encoding is made of rare characters instead.
 */
const COMMON_HAN = new Set(
    '的一国在人了有中是年和大业不为发会工经上地市要个产这出行作生家以成到日民来我部对进多全建他公开们场展时理新方主企资实学报制政济用同于法高长现本月定化加动合品重关机分力自外者区能设后就等体下万元社过前面农也得与说之员而务利' +
    '电文事可种总改三各好金第司其从平代当天水省提商十管内小技位目起海所立已通入量子问度北保心还科委都术使明着次将增基名向门应里美由规今题记点计去强两些表系办教正条最达特革收二期并程厂如道际及西口京华任调性导组东路活广意比投决' +
    '交统党南安此领结营项情解议义山先车然价放世间因共院步物界集把持无但城相书村求治取原处府研质信四运县军件育局干队团又造形级标联专少费效据手施权江近深更认果格几看没职服台式益想数单样只被亿老受优常销志战流很接乡头给至难观指创' +
    '证织论别五协变风批见究支那查张精每林转划准做需传争税构具百或才积势举必型易视快李参回引镇首推思完消值该走装众责备州供包副极整确知贸己环话反身选亚么带采王策真女谈严斯况色打德告仅它气料神率识劳境源青护列兴许户马港则节款拉直' +
    '案股光较河花根布线土克再群医清速律她族历非感占续师何影功负验望财类货约艺售连纪按讯史示象养获石食抓富模始住赛客越闻央席坚份士热限米银息校均房周游千失八检足配存九命尔即防钱评复考依断范础油照段落访未额双让切须儿便空往你层低' +
    '奖注黄英承远版维算破铁乐边初满病响药助致善突爱容香称购届余素请白宣健牌促培竞巴稳继紧字困刘旅声超随例担友号显却监材且春居适除红半买充陈火搞图阳六察试太什执片古七球修尽控讲排粮武预亲挥卖审措荣洲卫希店良属险曾围域令站苏龙念' +
    '罗吨器汇康减习演普田班待星飞写矿轻扩言章汽靠毛终仍景置底福止离泽波兰核降训逐票菜座献钢眼损宁像苦印融独湖早予夫编换欧努著顾征升态套介送某斗状画留航派室临兵补宝略黑综云差纳密贫剧犯阿击遇岁阶烈督吃丰馆招害官树听庭另沙私针胜' +
    '贷网愿托缺园假酒音巨既判输讨测读洋括筑欢刚庆久陆找楼激晚绝压故互签汉草木亩短绍迎吸警藏疗贵纷授登探索湾宏录申诉秀序顺死卡歌午孩桥喜川邓扬津温船库订练候退违否彩棉帮拿罪币角召灾妇杨奋绩虽煤免笔够永停奥鲜朝吴岛觉移尼急博贯拥' +
    '束左细舞幅语俄奇般简拍脑债固威券追筹刻映繁伟甚饭右彻烟沿街血冲洪植誉刊玉厅救潮迅伍怎付倍顿述播励斤乎纸振旧障鼓艰呼吉男绿尚夏亏季松哈祖典韩遍夜轮板抗摄杂皮贡借幕罚伤岸扶乱曲脱践危澳童散味叶累谢孙邮雄兼微呢谁惠偿署择染答块' +
    '徐鱼赞课盛延瑞怀堂驻零辆齐胡途封似润守毕坦母雨败朱污趋械纺租灵拓残含握跨衣储瓦蒙析鉴竟骨档秘禁赵宾异伊智钟键辉跃冷倒庄毒仪哪涉泛宗鹏归岗雷礼尤休泰疾肥珠叫牛宜抵挂寻父攻佳塞架符裁虑肉启丽露鲁秋昌估射册若宽厚盾硬末轨饮勤茶' +
    '诗郑冠涨篇泥唱纯坡熟浙晓抢丝锦载笑勇杰患乌坐雪戏背塔翻沈遗聚渠哥享迹森辽衡掌牧附操赶览野盟殊仁错萨夺梅误词董潜卷矛腐亮冒盖旗井凡震峰坏倾距壮惊盘梁摆径忠冰峡丹避珍乘刑扎透迫箱莫跑穿祝乏厦渐软询折浪朋敢诚弱疑邀沉端床络疆缩' +
    '脚甘贴勒荒唐静缓侵句尊塑肃怕耕痛援劣伙挑洗暴冬龄乔餐肯廉跟阵伐悉忘闭奔恢宋泉杯渡吗奉婚赴恩盐掉洁亡洛聘蔬混摩抽鸡剂胆麦谋雅废贺羊阔唯捐返隆穷辛猪帐饰郭颁灯绕诸伴顶祥谓恶番敏旦劲缴麻屋跳码鞋扣迈忙趣盈棋勃敬辑摊旺纠炼梦偏渔' +
    '牙侨黎赔裕宫谷概稿柱弹殖秩凭拨幸洞伪沟姓遭涌陶迁诺拔畅忧胞丁蓄贝舍腾杀煌圆伦横薄畜毫豪弟呈佛邦您墨徽惯循蓝烧触陕拖伯盲宪净卢炭籍秦粉妻爆欣释玩俊欠蛋猛迪苗暂貌遵锡楚桂昆皇杜醒燃凤截铺液撤胶慢杭虚辞曼毅咨俗糖忽姐芳耗妈谊浦' +
    '频阻允宅窗默胀弃倡灭甲症埃滨赏莱拒淡坛陵绘虎竹赢锋篮迷纽轿贩递娘圈挖炉替幼乃郊颇戴滑徒崇涛焦凝墙吧炎刀玻寿履圣昨酸朗媒桑铜仲亦诞揭纵漫愈辟赠會為這國時來個對後們與業學電於說發過經動長機現開將當車資間場體員點還進內沒無實麼' +
    '並兩種關產問選應樣務從計網設總話讓灣報頭統數題處萬氣樂區畫裡風師別華視則達許價愛見東結調單傳專議認馬書請該術張強導變費給連運醫觀辦組腦門覺幾號營戰難廣線歡兒卻較聯記訊際參帶質舉軍陳備決轉裝約飛錢義項類臺圖聲論標團黨眾證規' +
    '親聽遊亞節預濟廠買環製輕滿邊試續權條熱顯獲準創須陸賽協據遠嗎習興極縣級聞爭離確險雖藝園銀雙錄響財隊戲領寫驗妳紅勢魚況爾黃談適隨農職紀係軟語戶稱優讀養歲銷藥識態館獎護維換簡購檢屬絕歷斷壓討夠構錯額衛採積細億講啊狀鄉劇層訴賣' +
    '寶負媽陽樓課劃謝羅訪幫終傷獨龍貨擇擊擔彈異練雜評勞嚴檔麗顧吳執溫攝責餘減緊療繼測補筆僅剛復訓鐵針願盤輪稅競訂燈蘭殺歐靜紙幣順盡禮誰劉畢編榮懷織貴擁尋臨婦靈鐘輯勝頁慶漸舊豐腳樹頓亂絡監輸飯範週啟鎮驚廳嘉葉郵夢碼壞乾臉誌鬆搭' +
    '恐睡鏡怪啦穩漁釋島揮閒覽棒雲納喝碟詢麥綠衝紛紹審韓雞頻巧績謂純複診憶哦築桌圍楊髮藉柯隻妹賞擴圓輝陣漲階鮮耳跌抱趕堅惡帳匯脫頂搶蘇倫載尺蒂廿屆聖慮遺仔櫃顏宮敗旁誠歸皆棄誤徵爸損絲暗蕭災塊庫飾託賓鄭鳥幹賺隔鍵貿貝縮揚膚晶淨釣' +
    '貼寬慧儀儘觸諾潛椅詞緣刺蔡藍詩漢麵喔鋼擬趨簽捷聊燒闆掛煩池琴蓋豬戀址閉萊拜炸勵飲奧慣騎贈齡奶咖桃婆懂舒嫌泡胎啡詳擾湯嗯溝橋繪債輔浮傑廢籃捕漂蓮佈尾獻籌艦姿袋描潔槍冊扮垃寧閱呀圾紐奏莊搖癌鎖乳偷儲貸寄敦壽輛澤燕彼惜嘛覆鬥溪' +
    '暫駛賴雕伸忍哲腸擺扁逃紫填違奮兄魯戒悲註煙徑莉菲緩賭嘴擎耐側虛睛鳳踏憲隱狂併偵役偶晨陷撥螢佔妙稍孕洽稻狗牆肌掃駐幻豆潤傾鬧劑壇曉艙謀撞膠礎贏夾耶爬鼻鄰蟲宇弄偉齊巡泳邱駕柔娛鍋魔閃欲陰凱碰彰璃桐巷幢栋苑塘浜埭泾圩漾荡溇墩堰' +
    '坝闸坊禾泖濮澉乍硖棠栖梧蒲柳枫杉榆',
);

/** Encodings tried on text that is not UTF-8, in order of preference when they score the same. */
const CANDIDATES = ['gbk', 'big5', 'shift_jis', 'euc-jp', 'windows-1252'] as const;
const JAPANESE = new Set(['shift_jis', 'euc-jp']);
/** Non-letters that real Western text uses: typographic quotes and dashes, units, bullets. */
const LATIN_PUNCTUATION = new Set('‘’‚“”„–—…•°²³µ·«»©®€£§½¼¾'.split(''));

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

const isAsciiLetter = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z]$/.test(ch);

/**
 * How plausible a decoding is, about +1 per byte of likely text and -1 per byte of unlikely text:
 * common Chinese characters, kana from a Japanese encoding, and accented letters inside Latin words
 * count for it; rare characters, kana from a Chinese encoding, C1 controls and stray symbols against.
 */
function plausibility(text: string, label: string): number {
  const chars = Array.from(text);
  let score = 0;
  chars.forEach((ch, i) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) score += COMMON_HAN.has(ch) ? 2 : -1;
    else if (c >= 0x3040 && c <= 0x30ff) score += JAPANESE.has(label) ? 2 : -2;
    else if (c >= 0xff61 && c <= 0xff9f) score -= 1; // half-width katakana: rare in data, common in mis-decoded bytes
    else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e)) score += 1;
    else if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) score += isAsciiLetter(chars[i - 1]) || isAsciiLetter(chars[i + 1]) ? 1 : -0.5;
    else if (c >= 0x80 && c <= 0x9f) score -= 3;
    else if (!LATIN_PUNCTUATION.has(ch)) score -= 1;
  });
  return score;
}

/**
 * Guesses the encoding of text bytes with no declaration. Pure ASCII and valid UTF-8 are UTF-8;
 * otherwise each candidate (GBK, Big5, Shift-JIS, EUC-JP, Windows-1252) decodes the bytes and the
 * most plausible text wins (see `plausibility`), GBK first on a tie. Windows-1252 never fails to
 * decode, so it is the answer when nothing else makes sense. Give it a few hundred bytes of text
 * (field values joined with spaces) when you can: a handful of characters can be ambiguous.
 */
export function detectEncoding(sample: Uint8Array): string {
  if (!hasHighBytes(sample) || decodeStrict(sample, 'utf-8') !== null) return 'utf-8';
  let best: { label: string; score: number } = { label: 'windows-1252', score: -Infinity };
  for (const label of CANDIDATES) {
    const text = decodeStrict(sample, label);
    if (text === null) continue;
    const score = plausibility(text, label);
    if (score > best.score) best = { label, score };
  }
  return best.label;
}

const ALIASES: Record<string, string> = {
  '65001': 'utf-8',
  utf8: 'utf-8',
  '936': 'gbk',
  gb2312: 'gbk',
  'gb-2312': 'gbk',
  '54936': 'gb18030',
  '950': 'big5',
  'big-5': 'big5',
  '932': 'shift_jis',
  shiftjis: 'shift_jis',
  sjis: 'shift_jis',
  '949': 'euc-kr',
  '866': 'ibm866',
  '874': 'windows-874',
  koi8r: 'koi8-r',
  '20866': 'koi8-r',
  '21866': 'koi8-u',
  ansi: 'windows-1252',
  latin1: 'iso-8859-1',
  '28591': 'iso-8859-1',
};

/**
 * Normalises an encoding name (from a .cpg, a user or a code page) to a TextDecoder label, or null.
 * Takes what ESRI and GDAL write in .cpg files: 'UTF-8', '936', 'CP936', 'ANSI 1252', '88591',
 * '8859-5', 'Big-5', 'GB2312'. DOS code pages (437, 850, 852) have no TextDecoder and give null.
 */
export function normaliseEncoding(name: string): string | null {
  const raw = name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!raw || raw.startsWith('<') || raw.length > 40) return null; // e.g. a .cpg that is really an HTML page
  const bare = raw.replace(/^(cp|windows-?|ansi\s*|ms)(?=\d)/, '');
  const iso = /^(?:iso-?)?(?:8859-?|2859)(\d{1,2})$/.exec(bare);
  const label =
    ALIASES[raw] ??
    ALIASES[bare] ??
    (iso ? `iso-8859-${iso[1]}` : null) ??
    (/^125\d$/.test(bare) ? `windows-${bare}` : raw);
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}
