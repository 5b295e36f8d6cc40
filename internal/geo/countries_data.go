package geo

// isoCodes are all ISO 3166-1 alpha-2 codes (249 assigned elements) plus the withdrawn codes
// that still occur in patent data as WIPO ST.3 codes of former states: DD (German Democratic
// Republic), SU (USSR), CS (Czechoslovakia), YU (Yugoslavia), AN (Netherlands Antilles).
const isoCodes = "" +
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
	"BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
	"DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU " +
	"ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ " +
	"LA LB LC LI LK LR LS LT LU LV LY " +
	"MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
	"NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA " +
	"RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
	"TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ " +
	"VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW " +
	"DD SU CS YU AN"

// officeCodes are WIPO ST.3 codes of patent offices and organisations that are not countries:
// WO (WIPO/PCT), EP (EPO), EA (Eurasian), AP (ARIPO), OA (OAPI), GC (GCC Patent Office), EM
// (EUIPO), IB (International Bureau), XN (Nordic Patent Institute), XV (Visegrad Patent
// Institute), QZ (CPVO), XU (UPOV), EU (European Union).
const officeCodes = "WO EP EA AP OA GC EM IB XN XV QZ XU EU"

// countryRows lists the countries with patent activity (applicant or office): alpha-2 code,
// alpha-3 code, English names (with common variants) and Chinese names, fields separated by '|'
// and names by '/'. Names are matched after folding to upper-case letters only, so spacing and
// punctuation variants ("Korea, Republic of", "P.R. China") need not be listed.
const countryRows = `
AD|AND|Andorra|安道尔
AE|ARE|United Arab Emirates/UAE/Emirates|阿联酋/阿拉伯联合酋长国
AF|AFG|Afghanistan|阿富汗
AL|ALB|Albania|阿尔巴尼亚
AM|ARM|Armenia|亚美尼亚
AN|ANT|Netherlands Antilles|荷属安的列斯
AO|AGO|Angola|安哥拉
AR|ARG|Argentina|阿根廷
AT|AUT|Austria/Oesterreich/Osterreich|奥地利
AU|AUS|Australia|澳大利亚/澳洲
AZ|AZE|Azerbaijan|阿塞拜疆
BA|BIH|Bosnia and Herzegovina/Bosnia|波黑/波斯尼亚和黑塞哥维那
BB|BRB|Barbados|巴巴多斯
BD|BGD|Bangladesh|孟加拉国/孟加拉
BE|BEL|Belgium/Belgique/Belgie/Belgien|比利时
BG|BGR|Bulgaria|保加利亚
BH|BHR|Bahrain|巴林
BM|BMU|Bermuda|百慕大
BN|BRN|Brunei/Brunei Darussalam|文莱
BO|BOL|Bolivia|玻利维亚
BR|BRA|Brazil/Brasil|巴西
BS|BHS|Bahamas|巴哈马
BW|BWA|Botswana|博茨瓦纳
BY|BLR|Belarus|白俄罗斯
BZ|BLZ|Belize|伯利兹
CA|CAN|Canada|加拿大
CH|CHE|Switzerland/Schweiz/Suisse/Svizzera|瑞士
CI|CIV|Cote d'Ivoire/Ivory Coast|科特迪瓦
CL|CHL|Chile|智利
CM|CMR|Cameroon|喀麦隆
CN|CHN|China/PR China/People's Republic of China/Peoples Republic of China/China Peoples Republic/PRC/Mainland China|中国/中华人民共和国/中國/中国大陆
CO|COL|Colombia|哥伦比亚
CR|CRI|Costa Rica|哥斯达黎加
CS|CSK|Czechoslovakia|捷克斯洛伐克
CU|CUB|Cuba|古巴
CW|CUW|Curacao|库拉索
CY|CYP|Cyprus|塞浦路斯
CZ|CZE|Czech Republic/Czechia|捷克
DD|DDR|German Democratic Republic/East Germany|民主德国/东德
DE|DEU|Germany/Deutschland/Federal Republic of Germany|德国/德意志联邦共和国/联邦德国
DK|DNK|Denmark/Danmark|丹麦
DO|DOM|Dominican Republic|多米尼加
DZ|DZA|Algeria|阿尔及利亚
EC|ECU|Ecuador|厄瓜多尔
EE|EST|Estonia|爱沙尼亚
EG|EGY|Egypt|埃及
ES|ESP|Spain/Espana|西班牙
ET|ETH|Ethiopia|埃塞俄比亚
FI|FIN|Finland/Suomi|芬兰
FR|FRA|France/French Republic|法国/法兰西共和国
GB|GBR|United Kingdom/UK/Great Britain/Britain/England/Scotland/Wales/Northern Ireland|英国/大不列颠
GE|GEO|Georgia|格鲁吉亚
GG|GGY|Guernsey|根西
GH|GHA|Ghana|加纳
GI|GIB|Gibraltar|直布罗陀
GR|GRC|Greece/Hellas|希腊
GT|GTM|Guatemala|危地马拉
HK|HKG|Hong Kong/Hongkong/Hong Kong SAR/Hong Kong China|香港/中国香港/香港特别行政区/香港特區
HN|HND|Honduras|洪都拉斯
HR|HRV|Croatia|克罗地亚
HU|HUN|Hungary|匈牙利
ID|IDN|Indonesia|印度尼西亚/印尼
IE|IRL|Ireland|爱尔兰
IL|ISR|Israel|以色列
IM|IMN|Isle of Man|马恩岛
IN|IND|India|印度
IQ|IRQ|Iraq|伊拉克
IR|IRN|Iran/Islamic Republic of Iran/Iran Islamic Republic of|伊朗
IS|ISL|Iceland|冰岛
IT|ITA|Italy/Italia|意大利
JE|JEY|Jersey|泽西
JM|JAM|Jamaica|牙买加
JO|JOR|Jordan|约旦
JP|JPN|Japan/Nippon|日本/日本国
KE|KEN|Kenya|肯尼亚
KG|KGZ|Kyrgyzstan|吉尔吉斯斯坦
KH|KHM|Cambodia|柬埔寨
KN|KNA|Saint Kitts and Nevis|圣基茨和尼维斯
KP|PRK|North Korea/DPRK/Democratic People's Republic of Korea/Korea Democratic People's Republic of|朝鲜
KR|KOR|South Korea/Korea/Republic of Korea/Korea Republic of/Korea South/Korea Rep|韩国/大韩民国/南韩
KW|KWT|Kuwait|科威特
KY|CYM|Cayman Islands|开曼群岛/开曼
KZ|KAZ|Kazakhstan|哈萨克斯坦
LA|LAO|Laos|老挝
LB|LBN|Lebanon|黎巴嫩
LI|LIE|Liechtenstein|列支敦士登
LK|LKA|Sri Lanka|斯里兰卡
LT|LTU|Lithuania|立陶宛
LU|LUX|Luxembourg|卢森堡
LV|LVA|Latvia|拉脱维亚
LY|LBY|Libya|利比亚
MA|MAR|Morocco|摩洛哥
MC|MCO|Monaco|摩纳哥
MD|MDA|Moldova/Republic of Moldova|摩尔多瓦
ME|MNE|Montenegro|黑山
MG|MDG|Madagascar|马达加斯加
MH|MHL|Marshall Islands|马绍尔群岛
MK|MKD|North Macedonia/Macedonia|北马其顿/马其顿
MM|MMR|Myanmar/Burma|缅甸
MN|MNG|Mongolia|蒙古国/蒙古
MO|MAC|Macau/Macao/Macao SAR|澳门/中国澳门/澳门特别行政区/澳門
MT|MLT|Malta|马耳他
MU|MUS|Mauritius|毛里求斯
MV|MDV|Maldives|马尔代夫
MX|MEX|Mexico|墨西哥
MY|MYS|Malaysia|马来西亚
MZ|MOZ|Mozambique|莫桑比克
NA|NAM|Namibia|纳米比亚
NG|NGA|Nigeria|尼日利亚
NI|NIC|Nicaragua|尼加拉瓜
NL|NLD|Netherlands/The Netherlands/Holland/Nederland|荷兰
NO|NOR|Norway/Norge|挪威
NP|NPL|Nepal|尼泊尔
NZ|NZL|New Zealand|新西兰
OM|OMN|Oman|阿曼
PA|PAN|Panama|巴拿马
PE|PER|Peru|秘鲁
PH|PHL|Philippines|菲律宾
PK|PAK|Pakistan|巴基斯坦
PL|POL|Poland/Polska|波兰
PR|PRI|Puerto Rico|波多黎各
PT|PRT|Portugal|葡萄牙
PY|PRY|Paraguay|巴拉圭
QA|QAT|Qatar|卡塔尔
RO|ROU|Romania|罗马尼亚
RS|SRB|Serbia|塞尔维亚
RU|RUS|Russia/Russian Federation|俄罗斯/俄罗斯联邦/俄国
SA|SAU|Saudi Arabia|沙特阿拉伯/沙特
SC|SYC|Seychelles|塞舌尔
SD|SDN|Sudan|苏丹
SE|SWE|Sweden/Sverige|瑞典
SG|SGP|Singapore|新加坡
SI|SVN|Slovenia|斯洛文尼亚
SK|SVK|Slovakia/Slovak Republic|斯洛伐克
SM|SMR|San Marino|圣马力诺
SN|SEN|Senegal|塞内加尔
SU|SUN|Soviet Union/USSR|苏联
SV|SLV|El Salvador|萨尔瓦多
SY|SYR|Syria|叙利亚
TH|THA|Thailand|泰国
TJ|TJK|Tajikistan|塔吉克斯坦
TM|TKM|Turkmenistan|土库曼斯坦
TN|TUN|Tunisia|突尼斯
TR|TUR|Turkey/Turkiye|土耳其
TT|TTO|Trinidad and Tobago|特立尼达和多巴哥
TW|TWN|Taiwan/Taiwan Province of China/Taiwan ROC/Chinese Taipei/Republic of China|台湾/中国台湾/台湾省/台灣
TZ|TZA|Tanzania|坦桑尼亚
UA|UKR|Ukraine|乌克兰
UG|UGA|Uganda|乌干达
US|USA|United States/United States of America/USA/America|美国/美利坚合众国/美國
UY|URY|Uruguay|乌拉圭
UZ|UZB|Uzbekistan|乌兹别克斯坦
VE|VEN|Venezuela|委内瑞拉
VG|VGB|British Virgin Islands/Virgin Islands British|英属维尔京群岛/英属维京群岛
VN|VNM|Vietnam/Viet Nam|越南
WS|WSM|Samoa|萨摩亚
YE|YEM|Yemen|也门
YU|YUG|Yugoslavia|南斯拉夫
ZA|ZAF|South Africa|南非
ZM|ZMB|Zambia|赞比亚
ZW|ZWE|Zimbabwe|津巴布韦
`
