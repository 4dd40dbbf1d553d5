package campaign

import "time"

// Every threshold of the detector, in one place. None is tuned to a
// scenario: each states the behaviour it encodes. docs/campaigns.md
// explains them.

// Streaming layer: texts and script clusters.
const (
	// maxShingles bounds the 2-gram shingles taken from one comment (a
	// comment has at most 500 runes; scripts are short).
	maxShingles = 96
	// minhashK hashes per signature, read as lshBands bands of lshRows.
	// With 10 bands of 2 rows a pair of texts at Jaccard 0.36 meets in a
	// band with probability 0.75, at 0.5 with 0.94, at 0.7 with 0.99, at
	// 0.1 with 0.1 (exemplars give a second chance to paraphrases). Each
	// new text costs lshBands lookups and inserts in a large table, the
	// bulk of the streaming cost, so the bands are few.
	minhashK = lshBands * lshRows
	lshBands = 10
	lshRows  = 2
	// clusterJaccard is the least Jaccard similarity of 2-gram shingle
	// sets (numbers masked) between a comment and one of a cluster's
	// exemplars for the comment to join the cluster. Paraphrases of one
	// script (才吃1个月就瘦了<N>斤 / 吃了1个月瘦了<N>斤) sit near 0.4.
	clusterJaccard = 0.36
	// maxExemplars is how many texts of a cluster new comments are
	// compared with; a joining text whose best similarity is below
	// exemplarNovelty becomes one, so paraphrases chain a little (the
	// cluster's radius stays bounded).
	maxExemplars    = 4
	exemplarNovelty = 0.6
	// maxExact bounds the distinct texts of one cluster kept in the
	// exact-text cache (repeats of them skip the LSH).
	maxExact = 32
	// contentFreeShingles: a text with at most this many distinct
	// shingles that is not a testimonial is content-free (扣1, 666,
	// 冲冲冲, 主播辛苦了, 支持主播): chants and floods, never a script.
	contentFreeShingles = 4
	// afterCall is how long after the host's call to action (扣1, 打在
	// 公屏上, 抽奖, 点赞到) a comment counts as answering it.
	afterCall = 2 * time.Minute
	// maxCalls is how many recent calls to action a room remembers.
	maxCalls = 4
	// callSlack is how many runes a comment may add to the phrase a call
	// asked for (扣1 → 1111, 想要想要, 冲冲冲呀) and still answer it.
	callSlack = 4
)

// Per-account bounds (memory; see the package doc).
const (
	maxAccountIPs     = 16
	maxAccountDevices = 16
	maxAccountNets    = 16
	maxAccountClaims  = 24
	maxAccountSamples = 6
	maxAccountOrders  = 16
	// hopNets: an account using this many networks (/24, /64) in one
	// room hops through a proxy pool; a phone switching between Wi-Fi and
	// 4G uses two.
	hopNets = 3
)

// Cross-room stage.
const (
	// bucket is the time bucket of a (room, script, bucket) action.
	bucket = 2 * time.Minute
	// useLag: a testimonial of use (吃了<N>天瘦了<N>斤, 真的好用) in a
	// cluster of at most webMaxPosters posters is backed only by an order
	// from the merchant at least this long before it, an order of an
	// earlier broadcast: goods ordered minutes ago in the same broadcast
	// have not been used yet (view.boughtBefore).
	useLag = 12 * time.Hour
	// ctaExplained: a script cluster whose comments answer a call to
	// action at least this often (within afterCall) is the crowd
	// answering the host, not a script, unless it is testimonials.
	ctaExplained = 0.5
	// crowdKey and crowdScript: crowdKey accounts posting one script in
	// one room within one bucket is a crowd moment (a chant round, a
	// lottery); a script with at least crowdScript of its comments in
	// crowd moments is the crowd's, never a crew's.
	crowdKey    = 100
	crowdScript = 0.5
	// seedMinPosters and seedShare: a script cluster seeds a group when
	// at least seedMinPosters of its posters, and at least seedShare of
	// them, carry evidence of their own (a testimonial without a
	// purchase, a contradiction, a new account, a shared device).
	seedMinPosters = 3
	seedShare      = 0.5
	// lockstepMaxKey: a (room, script, bucket) key posted by more accounts
	// than this is a crowd moment (a chant wave), not a crew's burst; it
	// is left out of pair counting (SynchroTrap's popular-action cut).
	lockstepMaxKey = 150
	// lockstepMinMatches and lockstepMinSim: two accounts are in lockstep
	// when they matched at least lockstepMinMatches (room, script,
	// bucket) actions and the Jaccard similarity of their action sets is
	// at least lockstepMinSim.
	lockstepMinMatches = 2
	lockstepMinSim     = 0.25
	// popularC is the c of the column weight 1/log(degree+c) (Fraudar).
	popularC = 5
	// popularScript: a script cluster posted by more accounts than this in
	// the window is popular (a shared catchphrase); lockstep on it and
	// co-posting it prove little.
	popularScript = 400
	// spreadRooms: an account posting a group's own scripts (clusters it
	// owns, not the coarse script of unbought praise in linked rooms) in
	// this many of its rooms is tied to it whatever else it did.
	spreadRooms = 3
	// promoRooms: an account posting commercial speech without a purchase
	// in this many rooms is linked to the others doing so in the same
	// rooms (the coarse script, view.promoLinks).
	promoRooms = 2
	linkMulti  = 2
	// recurShare and recurMinRoom (sparse crews, view.recurringLinks): an
	// account whose unbought commercial speech spans promoRooms rooms and
	// is at least recurShare of all it wrote in the window is a recurring
	// promoter (a fan praises once, in the room of goods it watches; a
	// loyal fan returns but mostly chats and buys); a room where
	// recurMinRoom of them spoke links them. Two suffice because the
	// group they form is judged on its own evidence afterwards and three
	// strangers with one line each are no recurring promoters.
	recurShare   = 0.5
	recurMinRoom = 2
	// burstWindow, burstMin and burstAlpha (burst.go): burstMin accounts
	// posting related unbought commercial speech within burstWindow in
	// one room, answering no call, are a burst when both of the room's
	// own tests (share of those minutes' comments; count against the
	// room's other windows) put the chance of one such window in the
	// broadcast below burstAlpha.
	burstWindow = 2 * time.Minute
	burstMin    = 3
	burstAlpha  = 0.01
	// burstRelated: two lines of a burst say the same thing when their
	// shingle sets overlap this much (Jaccard); a crew's burst is one
	// script idea in several paraphrases.
	burstRelated = 0.2
	// burstBaseline (burst.go, burstCore): the room's other praise a
	// burst's line is compared with, to tell a crew's paraphrases of one
	// idea (each other's neighbours) from onlookers' common praise (a
	// little like everything); 128 lines estimate a rate of a few
	// percent to within about two points.
	burstBaseline = 128
	// minBursts: bursts count as a group's evidence only when its members
	// burst in this many windows (one surge is an event; a crew bursts
	// again, in its next room or later in the same one).
	minBursts = 2
	// webMaxPosters, webMinKnots and webAlpha (web.go): a private script
	// is a cluster posted by at most webMaxPosters accounts in the window
	// (more is shared talk, not one sheet's line; a crew posting one line
	// by the dozen is found by its seeds); a web of private scripts counts
	// when at least webMinKnots of its accounts posted two private scripts
	// or more and so many knots would occur over the whole platform at
	// its own rate with probability below webAlpha.
	webMaxPosters = 20
	webMinKnots   = 3
	webAlpha      = 0.01
	// farmAccounts (view.linkFarms): a device used by this many accounts
	// is a phone farm's, not a family's shared phone.
	farmAccounts = 5
	// heavyFalse and roomAlpha (baserate.go): an account is a heavy
	// promoter when its share of unbought commercial speech would occur
	// at the platform's rate with probability below heavyFalse divided by
	// the number of accounts tested (so about heavyFalse ordinary viewers
	// per window pass by chance); a room is a promoted room when its count
	// would occur with probability below roomAlpha divided by the number
	// of rooms.
	heavyFalse = 0.05
	roomAlpha  = 0.01
	// minRate: the platform's rate is never taken below this (a window
	// without praise proves nothing by its silence).
	minRate = 0.005
	// minMembers is the least size of a campaign.
	minMembers = 3
	// netPurity: a network (/24 or /64) or device counts as the crew's own
	// only when at least this share of the window's accounts on it post
	// the crew's scripts (a carrier NAT address serves many others).
	netPurity = 0.5
	// groupScript: a script cluster is one of a group's scripts when at
	// least this share of its posters (and two) are in the group; a
	// filler line many others post is not.
	groupScript = 0.5
	// infraLift: a network is the group's own when the share of the
	// group's posters on it exceeds the share of the other commenters of
	// the same rooms on it by this much (a carrier NAT serves both alike).
	infraLift = 0.3
	// minHard is the least "hard" evidence (testimonials without a
	// purchase, contradictions, own networks or devices, cross-room
	// lockstep, room dominance): new accounts and single-room lockstep
	// alone never make a campaign.
	minHard = 0.3
	// minPromo: a campaign is commercial speech (Anti-Unfair Competition
	// Law art. 8): at least this share of the core's scripted comments
	// are testimonials or urge, vouch or praise. Fans greeting the host
	// in step at every broadcast are no campaign.
	minPromo = 0.3
	// minEvidence is the least crew evidence (0..1, see evidenceScore) for
	// a group to be judged a campaign.
	minEvidence = 0.55
	// campaignOverlap: a group sharing at least this share of its members
	// (of the smaller side) with an existing campaign is that campaign.
	campaignOverlap = 0.3
	// newAccountBase is the share of new accounts among ordinary viewers;
	// only new accounts beyond it count as evidence.
	newAccountBase = 0.1
)

// shedShare is the share of accounts, rooms, scripts or actions dropped
// when a cap of Config is reached between two Judges.
const shedShare = 0.1

// Severity mapping (docs/campaigns.md).
const (
	// criticalShare: a crew posting at least this share of a room's
	// comments (not answering a call to action) dominates the room.
	criticalShare = 0.3
	criticalScore = 0.7
	highScore     = 0.6
	// smallCampaign: fewer members than this make a medium finding unless
	// the evidence is strong.
	smallCampaign = 5
)

// Priors of the dense-subgraph peeling: an account's own suspiciousness,
// added to the weights of its edges (see peel.go).
const (
	priorNoBuyTM  = 0.5
	priorContra   = 0.5
	priorNew      = 0.25
	priorInfra    = 0.5
	priorLockstep = 0.5
)
