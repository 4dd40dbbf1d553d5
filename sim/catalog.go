package sim

import "github.com/qinglang/qinglang"

// catSpec describes what a category of goods looks like in a live room:
// the goods, the (fictional) brands, a price range in fen, what hosts say
// about them and what viewers ask.
type catSpec struct {
	cat      qinglang.Category
	minFen   int64
	maxFen   int64
	brands   []string
	noBrand  float64 // share of products sold without a brand
	items    []item
	talk     []string // quality talk; {b} is the brand, {n} the goods
	asks     []string // viewers' questions about such goods
	lottery  []string // lottery phrases; {b} is the brand
	weight   int      // how common the category is among merchants
	sideCats []qinglang.Category
}

// item is one kind of goods and the pack sizes it comes in.
type item struct {
	name  string
	specs []string
}

// catalog lists every category of the contract. Brands are invented.
var catalog = []catSpec{
	{cat: qinglang.CatFood, minFen: 990, maxFen: 12990, weight: 18,
		brands: []string{"燃咔", "麦香村", "乐嘻嘻", "小馋坊", "滋味堂", "谷语"},
		items: []item{
			{"果冻", []string{"20颗装", "30颗装", "整箱60颗"}},
			{"牛肉干", []string{"250g", "500g", "3袋装"}},
			{"每日坚果", []string{"750g/30袋", "15袋装"}},
			{"螺蛳粉", []string{"3袋装", "5袋装"}},
			{"全麦面包", []string{"1kg整箱", "500g"}},
			{"黑芝麻丸", []string{"126g", "2盒装"}},
			{"自热火锅", []string{"2盒装", "4盒装"}},
			{"蛋黄酥", []string{"6枚装", "12枚装"}},
			{"特级初榨橄榄油", []string{"500ml", "1L"}},
		},
		talk: []string{
			"这个{n}是我们自己工厂做的", "口感特别Q弹，小朋友都爱吃", "独立小包装，办公室放一袋",
			"最佳食用时间是冷藏后半小时", "配料表干干净净，大家自己看", "保质期十二个月，可以放心囤",
			"每一批都有检测报告，可以看", "我自己每天都吃，真的好吃", "甜度刚刚好，不齁",
			"{b}{n}，老顾客都知道这个味道", "拆开给大家看一下，颗粒很饱满",
		},
		asks:    []string{"保质期多久", "甜不甜", "小孩能吃吗", "是什么口味的", "一袋多少克", "有没有原味的"},
		lottery: []string{"{b}果冻真好吃", "{b}真好吃", "我要吃{b}"},
	},
	{cat: qinglang.CatHealthFood, minFen: 5900, maxFen: 39800, weight: 6,
		brands: []string{"康元堂", "禾本初", "益生谷", "维康素"},
		items: []item{
			{"维生素C咀嚼片", []string{"60片", "120片"}},
			{"乳清蛋白粉", []string{"400g", "900g"}},
			{"鱼油软胶囊", []string{"100粒", "200粒"}},
			{"益生菌固体饮料", []string{"30条", "60条"}},
			{"钙维生素D软胶囊", []string{"90粒"}},
			{"叶黄素酯片", []string{"60片"}},
		},
		talk: []string{
			"有蓝帽子标志，注册号可以查", "一天两粒，饭后吃", "成分表给家人们念一下",
			"保健食品不能代替药物哈", "孕妇和小朋友不建议吃", "每瓶都有批号，可以扫码查",
			"{b}做了很多年了，老牌子",
		},
		asks:    []string{"一天吃几粒", "孕妇能吃吗", "有蓝帽子吗", "能吃多久", "饭前还是饭后吃"},
		lottery: []string{"{b}我来了", "支持{b}"},
	},
	{cat: qinglang.CatCosmetics, minFen: 4900, maxFen: 59900, weight: 12,
		brands: []string{"悦颜", "花漾集", "肌初", "雪玲珑"},
		items: []item{
			{"保湿面霜", []string{"50g", "50g*2瓶"}},
			{"玻尿酸精华液", []string{"30ml", "50ml"}},
			{"氨基酸洗面奶", []string{"120g", "120g*2支"}},
			{"清透防晒霜SPF50", []string{"50ml"}},
			{"丝绒口红", []string{"3.5g", "3支礼盒"}},
			{"补水面膜", []string{"10片装", "30片装"}},
			{"温和卸妆水", []string{"500ml"}},
		},
		talk: []string{
			"质地很清爽，不油不腻", "上脸一抹就化开了", "敏感肌的家人先在耳后试一下",
			"有备案，药监局网站能查到", "这个色号黄皮也能涂", "我今天脸上用的就是这个",
			"{b}{n}，柜台同款", "吸收很快，后续上妆不搓泥",
		},
		asks:    []string{"敏感肌能用吗", "油皮可以吗", "孕妇能用吗", "有小样吗", "几号色好看", "保质期到什么时候"},
		lottery: []string{"{b}真好用", "爱{b}一辈子"},
	},
	{cat: qinglang.CatMedicalDevice, minFen: 2990, maxFen: 129900, weight: 3,
		brands:   []string{"康护", "安心宝", "医途"},
		sideCats: []qinglang.Category{qinglang.CatHousehold},
		items: []item{
			{"电子血压计", []string{"臂式", "臂式语音款"}},
			{"医用外科口罩", []string{"50只", "100只"}},
			{"红外额温枪", []string{"家用款"}},
			{"指夹式血氧仪", []string{"标准款"}},
			{"医用冷敷贴", []string{"6贴", "12贴"}},
		},
		talk: []string{
			"有医疗器械注册证，包装上印着", "使用前请仔细阅读说明书", "操作很简单，老人也会用",
			"家里有老人的备一个", "一年质保，坏了直接换新",
		},
		asks:    []string{"怎么用", "有说明书吗", "保修多久", "老人会用吗", "准不准"},
		lottery: []string{"{b}保平安", "家人健康"},
	},
	{cat: qinglang.CatDrug, minFen: 990, maxFen: 6990, weight: 1,
		brands:   []string{"济康", "本草方"},
		sideCats: []qinglang.Category{qinglang.CatHealthFood},
		items: []item{
			{"复方板蓝根颗粒", []string{"20袋"}},
			{"维生素B2片", []string{"100片"}},
			{"口腔溃疡贴", []string{"12贴"}},
			{"感冒灵颗粒", []string{"9袋"}},
		},
		talk: []string{
			"这是非处方药，请按说明书使用", "我们是有药品经营许可证的大药房", "有不舒服的请先问医生",
			"家里常备一盒", "过敏体质的家人慎用",
		},
		asks:    []string{"饭前还是饭后吃", "小孩能吃吗", "一天几次", "有效期到什么时候"},
		lottery: []string{"{b}大药房"},
	},
	{cat: qinglang.CatInfantFormula, minFen: 19800, maxFen: 49800, weight: 3,
		brands:   []string{"贝初", "优牧", "臻护"},
		sideCats: []qinglang.Category{qinglang.CatGeneral},
		items: []item{
			{"婴儿配方奶粉1段", []string{"800g", "800g*2罐"}},
			{"较大婴儿配方奶粉2段", []string{"800g", "800g*2罐"}},
			{"幼儿配方奶粉3段", []string{"800g", "800g*4罐"}},
			{"羊奶粉3段", []string{"700g"}},
		},
		talk: []string{
			"有配方注册号，罐底可以查", "蛋白质含量大家看配料表", "冲调不结块，四十度水温",
			"转奶要慢慢来，七到十天", "罐子是密封的，开封后一个月喝完",
		},
		asks:    []string{"几段的", "一岁宝宝能喝吗", "生产日期是哪天", "转奶要注意什么", "是新国标吗"},
		lottery: []string{"{b}宝宝健康", "宝宝快长大"},
	},
	{cat: qinglang.CatAgri, minFen: 1990, maxFen: 12990, weight: 10, noBrand: 0.5,
		brands: []string{"山野鲜", "果然鲜", "稻花香里"},
		items: []item{
			{"赣南脐橙", []string{"5斤装", "10斤装"}},
			{"五常稻花香大米", []string{"5kg", "10kg"}},
			{"农家土鸡蛋", []string{"30枚", "60枚"}},
			{"云南蓝莓", []string{"4盒装", "6盒装"}},
			{"东北黑木耳", []string{"250g", "500g"}},
			{"红心猕猴桃", []string{"12个", "24个"}},
			{"阿克苏冰糖心苹果", []string{"5斤", "10斤"}},
		},
		talk: []string{
			"果园现摘现发，坏果包赔", "我们就在果园里直播", "甜度十五度左右",
			"今年雨水好，个头特别大", "冷链发货，两天到", "切开给大家看看，汁水很多",
			"都是老乡自己种的",
		},
		asks:    []string{"是今年的新货吗", "坏果包赔吗", "发什么快递", "甜不甜", "几天能到", "新疆发吗"},
		lottery: []string{"{b}真甜", "好吃不贵"},
	},
	{cat: qinglang.CatApparel, minFen: 3990, maxFen: 59900, weight: 14,
		brands: []string{"木棉记", "衣路向北", "素野", "简棉"},
		items: []item{
			{"冰丝阔腿裤", []string{"S-XXL", "黑色/灰色"}},
			{"纯棉短袖T恤", []string{"S-3XL", "两件装"}},
			{"冰感防晒衣", []string{"均码", "M-XL"}},
			{"法式碎花连衣裙", []string{"S-XL"}},
			{"高腰直筒牛仔裤", []string{"25-32码"}},
			{"羊毛针织开衫", []string{"均码"}},
		},
		talk: []string{
			"面料是百分之九十五的棉", "我身高165体重105穿M码", "腰部有松紧，不挑身材",
			"有黑白灰三个颜色", "洗了不起球不褪色", "支持七天无理由退换",
			"上身给家人们看一下效果", "拉一下弹性，回弹很好", "下单备注一下尺码",
		},
		asks:    []string{"165/110斤穿什么码", "有没有黑色", "会不会起球", "微胖能穿吗", "有没有大码", "显瘦吗"},
		lottery: []string{"{b}穿搭", "好看好看"},
	},
	{cat: qinglang.CatJewelry, minFen: 19900, maxFen: 999900, weight: 3,
		brands: []string{"金满堂", "瑞珑", "珍珑阁"},
		items: []item{
			{"足金转运珠手链", []string{"约1.2g", "约2g"}},
			{"淡水珍珠项链", []string{"8-9mm"}},
			{"925银耳钉", []string{"一对"}},
			{"和田玉平安扣", []string{"附证书"}},
		},
		talk: []string{
			"每件都带检测证书", "足金999，克重现场称给大家看", "珍珠是淡水的，我们不说海水",
			"证书编号可以去官网查", "送妈妈送老婆都合适",
		},
		asks:    []string{"有证书吗", "是足金吗", "多少克", "能刻字吗", "链子能调节吗"},
		lottery: []string{"{b}好运来", "转运转运"},
	},
	{cat: qinglang.CatElectronics, minFen: 4900, maxFen: 399900, weight: 9,
		brands: []string{"声浪", "极客派", "酷动", "星际"},
		items: []item{
			{"无线蓝牙耳机", []string{"降噪版", "标准版"}},
			{"充电宝", []string{"20000mAh", "10000mAh"}},
			{"智能手表", []string{"运动版", "46mm"}},
			{"65W氮化镓快充头", []string{"双口"}},
			{"声波电动牙刷", []string{"含4刷头"}},
			{"负离子吹风机", []string{"家用款"}},
		},
		talk: []string{
			"有3C认证，包装背面就有", "续航大概三十个小时", "一年只换不修",
			"连接很稳，打游戏也不延迟", "支持快充，半小时充一半", "手感很轻，拿在手上给大家看",
		},
		asks:    []string{"保修多久", "支持快充吗", "苹果手机能用吗", "续航多久", "有几个颜色"},
		lottery: []string{"{b}yyds", "数码好物"},
	},
	{cat: qinglang.CatHousehold, minFen: 990, maxFen: 15900, weight: 14,
		brands: []string{"净家", "好邦手", "暖居", "白洁"},
		items: []item{
			{"洗衣凝珠", []string{"52颗", "104颗"}},
			{"原木抽纸", []string{"24包整箱", "12包"}},
			{"316不锈钢保温杯", []string{"500ml"}},
			{"麦饭石不粘锅", []string{"28cm", "30cm"}},
			{"折叠收纳箱", []string{"3个装"}},
			{"纯棉四件套", []string{"1.5m床", "1.8m床"}},
		},
		talk: []string{
			"家里一直在用，回购很多次了", "少油也不粘，新手也会用", "纸巾是原生木浆，不掉屑",
			"一箱二十四包能用好久", "尺寸给大家量一下", "洗完香味能留好几天",
		},
		asks:    []string{"尺寸多大", "电磁炉能用吗", "有没有香味", "一箱多少包", "包邮吗"},
		lottery: []string{"{b}家里必备", "好物不贵"},
	},
	{cat: qinglang.CatGeneral, minFen: 990, maxFen: 9990, weight: 7, noBrand: 0.4,
		brands: []string{"优品汇", "拾光", "喵小屋"},
		items: []item{
			{"透明手机壳", []string{"多型号"}},
			{"编织快充数据线", []string{"1米", "2米"}},
			{"晴雨两用伞", []string{"三折"}},
			{"A5笔记本", []string{"5本装"}},
			{"冻干猫粮", []string{"1.5kg"}},
		},
		talk: []string{
			"小东西但是很实用", "学生党也买得起", "做工很细，没有线头",
			"我家猫特别爱吃", "颜色都是现货",
		},
		asks:    []string{"有什么型号", "多少钱", "有别的颜色吗", "几天发货"},
		lottery: []string{"{b}好物", "我要中奖"},
	},
}

// catIndex finds a category's spec.
func catIndex(c qinglang.Category) int {
	for i := range catalog {
		if catalog[i].cat == c {
			return i
		}
	}
	return len(catalog) - 1
}

// catWeightSum is the sum of the weights of the catalog.
var catWeightSum = func() int {
	n := 0
	for _, c := range catalog {
		n += c.weight
	}
	return n
}()

// catByWeight maps a uniform value in [0, 1) to a category, by weight.
func catByWeight(u float64) int {
	x := int(u * float64(catWeightSum))
	for i, c := range catalog {
		if x < c.weight {
			return i
		}
		x -= c.weight
	}
	return len(catalog) - 1
}
