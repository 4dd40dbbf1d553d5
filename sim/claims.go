package sim

import "github.com/qinglang/qinglang"

// False marketing claims: what a host should not say. A share of the
// host's ordinary sentences about a product (Config.FalseClaimShare) is
// replaced by one of these, labelled LabelClaim. Placeholders as in
// phrases.go: {b} brand, {n} goods. Sentences with a comma are now and
// then cut across two speech segments, as speech recognition does.

// claimsAny are false claims that fit any goods: absolute terms, fake
// authority, guarantees and fake scarcity.
var claimsAny = []string{
	// absolute terms
	"这个价格全网最低，别家根本拿不到",
	"我们家{n}全网销量第一，卖了一千多万单",
	"{b}是行业第一品牌，没有之一",
	"史上最低价，错过今天再也没有了",
	"这是顶级品质，市面上最好的{n}就是它",
	"百分之百纯天然，绝对零添加",
	// fake authority
	"这是协和医院的专家推荐的，医生自己都在用",
	"央视都报道过的{n}，国家权威认证",
	"中科院的团队研发的配方，专家推荐的",
	"我们是国家指定的唯一合作品牌",
	// guarantees
	"用了没效果全额退款，无效退款",
	"保证有效，没效果我一分钱都不要",
	"买贵了双倍退差价，假一赔十",
	// fake scarcity
	"库存只剩最后三件了，拍完直接下架",
	"工厂只给了我们二十单，抢完永久下架",
	"这是最后一批了，以后再也不生产了",
	"只剩八件了，只剩八件，手慢无",
}

// claimsByCat are false claims for one category of goods: weight loss
// with numbers, disease cures, efficacy nobody can promise.
var claimsByCat = map[qinglang.Category][]string{
	qinglang.CatFood: {
		"每天饭前吃一包，一个月轻轻松松瘦十斤",
		"我们粉丝吃了半个月，腰围小了三公分",
		"糖尿病人也能吃，吃了血糖都降下来了",
		"坚持吃三个月，高血压高血脂都能调理好",
		"便秘的家人吃它，一次就通，肠炎都好了",
		"这个{n}代餐吃七天，掉秤五斤不反弹",
	},
	qinglang.CatHealthFood: {
		"失眠的家人吃这个，吃一周就能睡整觉，治好失眠",
		"有高血压的一定要吃，吃完药都可以停了",
		"{b}{n}能预防癌症，抑制癌细胞",
		"吃两盒关节炎就好了，比吃药还管用",
		"连续吃二十天，近视都能恢复",
		"吃了它一个月瘦了十二斤，不用节食",
	},
	qinglang.CatCosmetics: {
		"用七天就能淡斑百分之八十",
		"湿疹皮炎都能用，一抹就好，专治痘痘",
		"一瓶用完皱纹全没了，看着年轻十岁",
		"三天美白，一周祛斑，不白全额退",
		"孕妇婴儿都能用，零刺激，医院皮肤科都在用",
	},
	qinglang.CatInfantFormula: {
		"宝宝喝了更聪明，营养和母乳一模一样",
		"喝这个奶粉的宝宝从来不生病，提高智力",
	},
	qinglang.CatMedicalDevice: {
		"每天用半小时，颈椎病腰椎病全都能治好",
		"这个{n}能根治高血压，不用再吃药了",
	},
	qinglang.CatAgri: {
		"纯野生的，比人参还补，吃了能治贫血",
	},
	qinglang.CatApparel: {
		"这件{n}穿上立马显瘦二十斤，穿上就能瘦",
	},
	qinglang.CatJewelry: {
		"这个{n}是开过光的，戴上就能招财转运",
	},
	qinglang.CatElectronics: {
		"这个{n}零辐射，用十年都不会坏",
	},
	qinglang.CatHousehold: {
		"这个{n}能杀灭百分之九十九点九的病毒，还能防新冠",
	},
}

// DefaultFalseClaimShare is the share of host speech segments that are
// false claims when Config.FalseClaimShare is 0.
const DefaultFalseClaimShare = 0.03

// claimEligible scales the chance that an ordinary sentence about a
// product (not a call to action, price, greeting or closing) turns into a
// false claim, so that the configured share holds over all host segments:
// fewer sentences are eligible, but a claim is cut in two more often than
// the average sentence. Measured over long runs.
const claimEligible = 0.93

// claimText picks a false claim for product prod: one of its category's
// claims half of the time (when there are any), else one for any goods.
func (r *roomGen) claimText(prod int) string {
	own := claimsByCat[catalog[r.lineup[prod].p.cat].cat]
	if len(own) > 0 && r.crng.IntN(2) == 0 {
		return pick(r.crng, own)
	}
	return pick(r.crng, claimsAny)
}

// falseClaim reports whether the next ordinary sentence about a product
// is replaced by a false claim. It draws from the room's own claim stream
// so that without claims the rest of the room is unchanged.
func (r *roomGen) falseClaim() bool {
	share := r.w.cfg.FalseClaimShare
	return share > 0 && r.crng.Float64() < share/claimEligible
}
