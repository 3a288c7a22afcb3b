# gen-claim-grant.awk: the data set of bench/claim-grant.sh, as three CSV
# files for "stdtool import".  Run with no input:
#
#   awk -v scale=1 -v out=DIR -v seed=2025 -f bench/gen-claim-grant.awk
#
# At scale 1: 10,000 organisations (orgs.csv), 100,000 standards
# (standards.csv) and 2,000 secretariats (secretariats.csv), every USCC
# valid, every standard id, standard number and committee id unique, every
# drafting unit, role holder and secretariat holder a registered
# organisation.  Also writes DIR/stats (one "key value" a line: counts, the
# mean number of standards per organisation, and "top USCC ITEMS", the
# organisation with the most standards and secretariats).
#
# Organisations are picked for standards with a skew (a fifth of the picks
# favour the first organisations, the big Guangdong enterprises and
# institutes), so a few take part in hundreds of standards while the mean
# stays at 15 or so.  Plain POSIX awk (mawk, gawk, busybox): no python.

function die(msg) {
	print "gen-claim-grant.awk: " msg > "/dev/stderr"
	exit 1
}

function pick(list, n) {
	return list[1 + int(rand() * n)]
}

# A valid USCC: registration authority and kind (2), region (6), an
# organisation code of 8 characters and its GB 11714 check character, then
# the GB 32100 check character.  Same computation as make_usccs in
# tests/lib.sh.
function uscc(head, region, body,    i, c, v, sum, chk, oc, code) {
	sum = 0
	for (i = 1; i <= 8; i++) {
		c = substr(body, i, 1)
		v = (c ~ /[0-9]/) ? c + 0 : index("ABCDEFGHIJKLMNOPQRSTUVWXYZ", c) + 9
		sum += v * OW[i]
	}
	chk = 11 - sum % 11
	oc = chk == 10 ? "X" : (chk == 11 ? "0" : chk "")
	code = head region body oc
	sum = 0
	for (i = 1; i <= 17; i++)
		sum += (index(ALPHA, substr(code, i, 1)) - 1) * W[i]
	chk = 31 - sum % 31
	if (chk == 31)
		chk = 0
	return code substr(ALPHA, chk + 1, 1)
}

# Quotes a CSV field when it holds a comma or a quote.
function q(s) {
	if (s ~ /[,"]/) {
		gsub(/"/, "\"\"", s)
		return "\"" s "\""
	}
	return s
}

function date(y, m, d) {
	return sprintf("%04d-%02d-%02d", y, m, d)
}

# An organisation for a standard or secretariat: a fifth of the picks
# favour the low indexes (density falling as 1/sqrt), the rest are uniform.
function pick_org(    r) {
	r = rand()
	if (r < 0.2) {
		r = rand()
		return int(NORG * r * r)
	}
	return int(NORG * rand())
}

function fields_tag(    r) {
	r = rand()
	if (r < 0.35) return "ai"
	if (r < 0.60) return "robotics"
	if (r < 0.68) return "ai,robotics"
	return pick(OTHERF, NOTHERF)
}

function title_for(tags, part,    t) {
	if (tags ~ /robotics/ && (tags !~ /ai/ || rand() < 0.5))
		t = pick(TROB, NTROB)
	else if (tags ~ /ai/)
		t = pick(TAI, NTAI)
	else
		t = pick(TOTH, NTOTH)
	if (part)
		t = t " 第" part "部分：" pick(TPART, NTPART)
	return t
}

BEGIN {
	if (scale == "")
		scale = 1
	if (out == "")
		die("give -v out=DIR")
	if (seed == "")
		seed = 2025
	srand(seed)
	NORG = int(10000 * scale + 0.5)
	NSTD = int(100000 * scale + 0.5)
	NSEC = int(2000 * scale + 0.5)
	if (NORG < 20 || NSTD < 20 || NSEC < 10)
		die("scale " scale " is too small")

	ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", W, " ")
	split("3 7 9 10 5 8 4 2", OW, " ")

	# Regions: Guangdong cities and districts, then other provinces.
	NGD = split("440100 440106 440300 440305 440306 440400 440500 440600 441300 441900 442000", GD, " ")
	split("广州市 广州市天河区 深圳市 深圳市南山区 深圳市宝安区 珠海市 汕头市 佛山市 惠州市 东莞市 中山市", GDN, " ")
	split("Guangzhou Guangzhou Shenzhen Shenzhen Shenzhen Zhuhai Shantou Foshan Huizhou Dongguan Zhongshan", GDE, " ")
	NOT = split("110108 310115 320500 330100 420100 510100", OT, " ")
	split("北京市海淀区 上海市浦东新区 苏州市 杭州市 武汉市 成都市", OTN, " ")
	split("Beijing Shanghai Suzhou Hangzhou Wuhan Chengdu", OTE, " ")
	NB = split("华 智 云 创 博 腾 科 达 信 联 海 天 鹏 越 新 思 源 航 锐 睿 星 安 恒 图 灵 数 宇 微 高 远", BR, " ")
	NBE = split("Hua Zhi Yun Chuang Bo Teng Ke Da Xin Lian Hai Tian Peng Yue Xin Si Yuan Hang Rui Rui Xing An Heng Tu Ling Shu Yu Wei Gao Yuan", BRE, " ")
	NIND = split("智能科技 机器人 人工智能 自动化 电子 信息技术 精密制造 智能装备 视觉技术 数据科技", IND, " ")
	NRI = split("人工智能 智能制造 机器人 先进技术 计量 电子信息", RI, " ")

	NOTHERF = split("intelligent-manufacturing information-security electronics automotive medical-devices smart-city", OTHERF, " ")
	NTAI = split("人工智能 机器学习系统 质量要求|人工智能 知识图谱 技术框架|信息技术 人工智能 风险管理指南|人工智能 深度学习算法 评估规范|人工智能 管理体系|人工智能 大模型 通用能力评测方法|人工智能 计算机视觉 数据标注要求|人工智能 可信赖性 概述|智能语音交互系统 技术要求|人工智能 数据集 质量评价方法", TAI, "|")
	NTROB = split("工业机器人 安全要求|服务机器人 性能规范及其试验方法|协作机器人 用户编程指导|移动机器人 通用技术条件|机器人 词汇|医疗机器人 安全要求|工业机器人 电磁兼容 试验方法|巡检机器人 技术规范|机器人用精密减速器|人形机器人 分类与评级", TROB, "|")
	NTOTH = split("智能制造 数字孪生 通用要求|信息安全技术 数据出境安全评估指南|智能网联汽车 自动驾驶系统 技术要求|工业互联网 标识解析 体系架构|电子设备 可靠性试验方法|医疗器械 软件 生命周期过程|智慧城市 数据融合 总体框架|集成电路 测试方法|智能工厂 安全控制要求|工业软件 质量评价", TOTH, "|")
	NTPART = split("通用要求|术语和定义|测试方法|数据格式|接口规范|评价指标|安全要求|参考架构", TPART, "|")
	NICS = split("35.240 35.240.01 35.020 25.040.30 25.040 03.120 11.040 43.040 31.200 13.110", ICS, " ")
	NTEN = split("Vocabulary|Safety requirements|Management system|Performance criteria and test methods|Data quality|Reference architecture|Risk management", TEN, "|")

	# ---- organisations ----------------------------------------------
	f = out "/orgs.csv"
	print "uscc,name,kind,name_en" > f
	for (k = 0; k < NORG; k++) {
		r = rand()
		# The first 1% are the big Guangdong enterprises and institutes.
		if (k < NORG / 100) {
			kind = rand() < 0.8 ? "enterprise" : "research-institute"
			gd = 1
		} else {
			if (r < 0.70) kind = "enterprise"
			else if (r < 0.85) kind = "research-institute"
			else if (r < 0.91) kind = "university"
			else if (r < 0.95) kind = "association"
			else if (r < 0.97) kind = "government"
			else kind = "other"
			gd = rand() < 0.85
		}
		if (gd) {
			i = 1 + int(rand() * NGD)
			region = GD[i]; city = GDN[i]; cityen = GDE[i]
		} else {
			i = 1 + int(rand() * NOT)
			region = OT[i]; city = OTN[i]; cityen = OTE[i]
		}
		b1 = 1 + int(rand() * NB)
		b2 = 1 + int(rand() * NB)
		brand = BR[b1] BR[b2]
		branden = BRE[b1] tolower(BRE[b2])
		if (kind == "enterprise") {
			head = "91"; body = sprintf("MA%06d", k)
			name = city brand pick(IND, NIND) "有限公司"
			nameen = cityen " " branden " Technology Co., Ltd."
		} else if (kind == "research-institute") {
			head = "12"; body = sprintf("4%07d", k)
			name = city brand pick(RI, NRI) "研究院"
			nameen = cityen " " branden " Research Institute"
		} else if (kind == "university") {
			head = "12"; body = sprintf("4%07d", k)
			name = city brand "理工大学"
			nameen = cityen " " branden " University of Technology"
		} else if (kind == "association") {
			head = "51"; body = sprintf("5%07d", k)
			name = city brand (rand() < 0.5 ? "人工智能" : "机器人") "产业协会"
			nameen = cityen " " branden " Industry Association"
		} else if (kind == "government") {
			head = "11"; body = sprintf("0%07d", k)
			name = city "市场监督管理局（" k "）"
			nameen = cityen " Administration for Market Regulation, office " k
		} else {
			head = "52"; body = sprintf("MJ%06d", k)
			name = city brand "标准化服务中心"
			nameen = cityen " " branden " Standardisation Services Centre"
		}
		U[k] = uscc(head, region, body)
		KIND[k] = kind
		print U[k] "," q(name) "," kind "," (rand() < 0.3 ? q(nameen) : "") > f
	}
	close(f)

	# ---- standards --------------------------------------------------
	# family: prefix (as written before the number), level, first number
	split("ISO|ISO/IEC|IEC|ITU-T|GB/T|GB|GB/Z|JB/T|YD/T|SJ/T|QC/T|GA/T|DB44/T|DB11/T|DB31/T|T/CAS|T/GDAIA|T/CESA|T/CIE|T/SZAS", FAM, "|")
	split("international international international international national national national industry industry industry industry industry local local local group group group group group", FLEV, " ")
	split("10000 20000 60000 3000 40000 30000 40000 14000 4000 11000 1100 2000 2000 1800 1300 500 1 1100 100 30", FBASE, " ")
	# cumulative shares: international 10%, national 20%, industry 20%,
	# local 20%, group 30%
	split("0.040 0.065 0.085 0.100 0.270 0.290 0.300 0.360 0.420 0.460 0.480 0.500 0.660 0.680 0.700 0.780 0.860 0.910 0.960 1.000", FCUM, " ")
	NFAM = 20
	split("Y F H X", ITUL, " ")

	f = out "/standards.csv"
	print "id,level,number,title,fields,published,title_en,implemented,revision_of,committee,ics,drafters,roles" > f
	slots = 0
	for (s = 0; s < NSTD; s++) {
		r = rand()
		for (fi = 1; fi < NFAM && r >= FCUM[fi]; fi++)
			;
		fam = FAM[fi]
		level = FLEV[fi]
		main = FBASE[fi] + FCNT[fi]++
		y = 2020 + int(rand() * 9)
		mo = 1 + int(rand() * 12)
		d = 1 + int(rand() * 28)
		part = rand() < 0.25 ? 1 + int(rand() * 4) : 0
		rev = ""
		committee = ""
		titleen = ""
		if (fam == "ITU-T") {
			l = ITUL[1 + main % 4]
			number = "ITU-T " l "." main
			id = "ITU-T-" l "." main
		} else if (level == "international") {
			dl = ""
			r = rand()
			if (fam == "ISO") {
				if (r < 0.12) dl = "/TS"; else if (r < 0.20) dl = "/TR"
			} else if (fam == "ISO/IEC") {
				if (r < 0.15) dl = " TS"; else if (r < 0.22) dl = " TR"
			} else if (r < 0.10) {
				dl = " TR"
			}
			number = fam dl " " main (part ? "-" part : "") ":" y
			id = number
			gsub(/[\/ :]/, "-", id)
			if (rand() < 0.15)
				rev = fam dl " " main (part ? "-" part : "") ":" (y - 5 - int(rand() * 5))
			if (fam == "ISO") committee = "ISO/TC " (rand() < 0.6 ? 299 : 184)
			else if (fam == "ISO/IEC") committee = "ISO/IEC JTC 1/SC " (rand() < 0.7 ? 42 : 41)
			else committee = "IEC/TC 65"
		} else {
			number = fam " " main (part ? "." part : "") "—" y
			id = fam "-" main (part ? "." part : "") "-" y
			gsub(/\//, "-", id)
			if (rand() < 0.15)
				rev = fam " " main (part ? "." part : "") "—" (y - 5 - int(rand() * 5))
			if (level == "national" || level == "industry") {
				if (rand() < 0.6) committee = "SAC/TC " (1 + int(rand() * 600))
			} else if (level == "local" && fam == "DB44/T") {
				if (rand() < 0.5) committee = "GD/TC " (1 + int(rand() * 200))
			}
		}
		tags = fields_tag()
		title = title_for(tags, part)
		if (level == "international" || rand() < 0.1)
			titleen = (tags ~ /ai/ ? "Artificial intelligence" : (tags ~ /robotics/ ? "Robotics" : "Information technology")) \
				" — " pick(TEN, NTEN) (part ? ", Part " part : "")
		impl = ""
		if (rand() < 0.7)
			impl = mo <= 6 ? date(y, mo + 6, d) : date(y + 1, mo - 6, d)
		ics = rand() < 0.6 ? pick(ICS, NICS) : ""

		# drafting units: 1 (55%), 2 (30%), 3 (10%) or 4 (5%), ranked 1..n
		r = rand()
		n = r < 0.55 ? 1 : (r < 0.85 ? 2 : (r < 0.95 ? 3 : 4))
		split("", used)
		drafters = ""
		for (i = 1; i <= n; i++) {
			do o = pick_org(); while (o in used)
			used[o] = 1
			if (i == 1)
				first = o
			drafters = drafters (i > 1 ? ";" : "") U[o] ":" i
			INV[o]++
			slots++
		}
		roles = ""
		if (level == "international") {
			if (fam == "ITU-T") {
				o = rand() < 0.8 ? first : pick_org()
				roles = U[o] ":editor"
				if (!(o in used)) { used[o] = 1; INV[o]++ }
			} else {
				o = rand() < 0.8 ? first : pick_org()
				roles = U[o] ":project-leader"
				if (!(o in used)) { used[o] = 1; INV[o]++ }
				if (rand() < 0.3) {
					o = pick_org()
					roles = roles ";" U[o] ":convenor"
					if (!(o in used)) { used[o] = 1; INV[o]++ }
				}
				if (rand() < 0.2) {
					o = pick_org()
					roles = roles ";" U[o] ":expert"
					if (!(o in used)) { used[o] = 1; INV[o]++ }
				}
			}
		}
		print id "," level "," number "," q(title) "," q(tags) "," date(y, mo, d) "," q(titleen) "," impl "," rev "," committee "," ics "," drafters "," roles > f
	}
	close(f)

	# ---- secretariats -----------------------------------------------
	# family, level, kind, cumulative share; TC numbers count up from a
	# base, SCs are numbered (TC, SC) pairs, so every id is unique.
	split("ISO/TC|ISO/TC-SC|IEC/TC|ISO/IEC JTC 1/SC|SAC/TC|SAC/TC-SC|GD/TC|GD/TC-SC", CF, "|")
	split("international international international international national national provincial provincial", CLEV, " ")
	split("tc sc tc sc tc sc tc sc", CKIND, " ")
	split("300 20 100 43 1 1 1 1", CBASE, " ")
	split("0.03 0.06 0.08 0.09 0.39 0.59 0.94 1.00", CCUM, " ")
	NCF = 8
	f = out "/secretariats.csv"
	print "committee,level,kind,org,approved,fields,document,ended" > f
	for (s = 0; s < NSEC; s++) {
		r = rand()
		for (fi = 1; fi < NCF && r >= CCUM[fi]; fi++)
			;
		c = CCNT[fi]++
		fam = CF[fi]
		if (fam ~ /-SC$/) {
			sub(/-SC$/, "", fam)
			committee = fam " " (CBASE[fi] + int(c / 20)) "/SC " (1 + c % 20)
		} else if (fam == "ISO/IEC JTC 1/SC") {
			committee = fam " " (CBASE[fi] + c)
		} else {
			committee = fam " " (CBASE[fi] + c)
		}
		o = pick_org()
		y = 2018 + int(rand() * 10)
		mo = 1 + int(rand() * 12)
		d = 1 + int(rand() * 28)
		doc = ""
		if (rand() < 0.5) {
			if (CLEV[fi] == "international") doc = "ISO/TMB 决议 " (1 + int(rand() * 90)) "/" y
			else if (CLEV[fi] == "national") doc = "国标委发〔" y "〕" (1 + int(rand() * 60)) "号"
			else doc = "粤市监标准〔" y "〕" (1 + int(rand() * 90)) "号"
		}
		ended = rand() < 0.08 ? date(y + 3 + int(rand() * 3), mo, d) : ""
		print committee "," CLEV[fi] "," CKIND[fi] "," U[o] "," date(y, mo, d) "," q(fields_tag()) "," q(doc) "," ended > f
		INV[o]++
	}
	close(f)

	# ---- statistics -------------------------------------------------
	f = out "/stats"
	top = 0
	involved = 0
	for (k = 0; k < NORG; k++) {
		if (INV[k] > INV[top])
			top = k
		if (INV[k] > 0)
			involved++
		total += INV[k]
	}
	printf "orgs %d\nstandards %d\nsecretariats %d\n", NORG, NSTD, NSEC > f
	printf "drafter_slots %d\norgs_involved %d\n", slots, involved > f
	printf "mean_items_per_org %.1f\n", total / NORG > f
	printf "top %s %d %s\n", U[top], INV[top], KIND[top] > f
	close(f)
}
