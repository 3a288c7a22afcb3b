# gen-draft.awk: a GB/T draft of about MB megabytes (1 MB = 1,048,576
# bytes) in the NISO STS vocabulary of doc/drafts.md, for
# bench/draft.sh.  Run with no input, bytes counted as bytes:
#
#   LC_ALL=C awk -v mb=1 -f bench/gen-draft.awk > draft.xml
#
# What it writes, every part sized from MB: std-meta; 前言 with the fixed
# sentence and a list of technical changes; 引言; 1 范围; 2 规范性引用文件
# (12 + 20 per MB references, each cited in the text, by number without
# the year or by an empty xref); 3 术语和定义 (60 + 150 per MB term
# entries, up to 3,500, each used in the text); technical clauses 4, 5 …
# (8 + 2 per MB of them) with subclauses down to 5.1.1.1.1 (a quarter of
# the groups below 5.1 untitled, as <title/>), and in the subclauses paragraphs, lists,
# XHTML tables, figures, MathML formulae, notes, examples and footnotes;
# empty xrefs to clauses, subclauses, terms, tables, figures, formulae,
# annexes and references; normative and informative annexes (2 + 1 per
# MB, at most 20), each cited from the body; the bibliography.
#
# The text is made-up Chinese in the usual wording of a product standard:
# 应/不应/宜/可 only in normative text, never in the foreword, the
# introduction, notes, examples, footnotes or informative annexes; no
# 必须; standard numbers with an em dash before the year.  So
# "stdtool draft validate" is meant to find nothing.  Ids are unique.
#
# Deterministic: the random numbers come from a Park-Miller generator of
# its own (-v seed=N, default 1), not from the awk's rand(), so a given
# size and seed give the same file.  Plain POSIX awk (mawk, gawk in the C
# locale, busybox); no python.

function die(msg) {
	print "gen-draft.awk: " msg > "/dev/stderr"
	exit 1
}

# Park-Miller "minimal standard": every product stays below 2^53.
function rnd() {
	RS_ = (RS_ * 16807) % 2147483647
	return RS_ / 2147483647
}

function pick(list, n) {
	return list[1 + int(rnd() * n)]
}

# Writes one line and counts its bytes.
function o(s) {
	print s
	BYTES += length(s) + 1
}

function ind(level) {
	return substr("                                        ", 1, 2 * level)
}

# ---- words --------------------------------------------------------------

# The next term of the cycle: every term gets used, in order, before any
# comes back.
function term(    k) {
	k = TCYC % NT + 1
	TCYC++
	return TN[k]
}

function prop() {
	PI_ = 1 + int(rnd() * NP)
	return PN[PI_]
}

# A value in the range and unit of the last property picked.
function value(    v) {
	if (PLO[PI_] == "" || PHI[PI_] == "")
		die("no range for property " PI_)
	v = PLO[PI_] + rnd() * (PHI[PI_] - PLO[PI_])
	return sprintf("%." PDEC[PI_] "f", v) PU[PI_]
}

# The limit of the last property picked, as a requirement (不大于) or in a
# table (≤).
function limit_words() {
	return PGE[PI_] ? "不小于" : "不大于"
}
function limit_sign() {
	return PGE[PI_] ? "≥ " : "≤ "
}

# A normative reference cited in the text: the next one of the cycle,
# half of the time as an empty xref, else its number without the year.
function cite_ref(    k) {
	k = RCYC % NR + 1
	RCYC++
	if (rnd() < 0.5)
		return "<xref ref-type=\"bibr\" rid=\"ref-" k "\"/>"
	return RUND[k]
}

function x(type, id) {
	return "<xref ref-type=\"" type "\" rid=\"" id "\"/>"
}

function xref_sec() {
	if (NSECS == 0)
		return "<xref ref-type=\"sec\" rid=\"scope\"/>"
	return x("sec", SECS[1 + int(rnd() * NSECS)])
}

function xref_clause() {
	if (NCLS == 0)
		return x("sec", "scope")
	return x("sec", CLS[1 + int(rnd() * NCLS)])
}

function xref_term() {
	return x("sec", "term-" (1 + int(rnd() * NT)))
}

# An empty xref to the next annex of the cycle, with the wording GB/T
# uses for a normative (按…规定) or an informative (参见…) annex.
function annex_sentence(    k, t) {
	k = ACYC % NA + 1
	ACYC++
	t = term()
	if (AT[k] == "norm")
		return t "的" prop() "试验应按" x("app", "app-" k) "规定的方法进行。"
	return t "的" prop() "计算示例参见" x("app", "app-" k) "。"
}

# One sentence of normative text.
function req(    r, t, pr) {
	if (RCYC < NR && rnd() < 0.35)
		return term() "的" prop() "应符合" cite_ref() "的规定。"
	if (ACYC < NA && rnd() < 0.25)
		return annex_sentence()
	r = rnd()
	t = term()
	if (r < 0.14) {
		pr = prop()
		return t "在" pick(CN, NCN) "条件下的" pr "应" limit_words() value() "。"
	}
	if (r < 0.24)
		return t "的" prop() "宜采用" pick(MT, NMT) "进行测定，测定结果应记入试验报告。"
	if (r < 0.34) {
		pr = prop()
		return "当" t "处于" pick(CN, NCN) "状态时，其" pr (PGE[PI_] ? "不应低于" : "不应超过") value() "，且应具备" pick(FT, NFT) "功能。"
	}
	if (r < 0.42 && NEQS > 0)
		return t "的" prop() "应按" x("disp-formula", EQS[1 + int(rnd() * NEQS)]) "计算。"
	if (r < 0.50 && NTABS > 0)
		return t "的" prop() "应符合" x("table", TABS[1 + int(rnd() * NTABS)]) "的规定。"
	if (r < 0.56 && NFIGS > 0)
		return t "的结构见" x("fig", FIGS[1 + int(rnd() * NFIGS)]) "。"
	if (r < 0.66)
		return t "应满足" xref_sec() "的要求。"
	if (r < 0.72)
		return t "的试验方法见" xref_clause() "。"
	if (r < 0.82)
		return t "可配置" pick(FT, NFT) "功能，配置时其" prop() "应满足" term() "（见" xref_term() "）的相关要求。"
	if (r < 0.86)
		return t "的" prop() "应符合" cite_ref() "的规定。"
	if (r < 0.90)
		return annex_sentence()
	return t "的" prop() "应在出厂检验时逐台检验，检验结果应符合" xref_sec() "的规定。"
}

# One sentence of informative text: no 应, 宜 or 可.
function info(    r, t) {
	r = rnd()
	t = term()
	if (r < 0.20)
		return t "的" prop() "通常随" pick(CN, NCN) "条件的变化而变化。"
	if (r < 0.35)
		return t "一般由" pick(HN, NH) "、" pick(HN, NH) "和" pick(HN, NH) "组成。"
	if (r < 0.50)
		return t "的" prop() "与" pick(FT, NFT) "功能的配置情况有关。"
	if (r < 0.62 && NTABS > 0)
		return x("table", TABS[1 + int(rnd() * NTABS)]) "中的数值为" t "在" pick(CN, NCN) "条件下的典型值。"
	if (r < 0.72)
		return "本条所述" t "包括" pick(MN, NM) "和" pick(MN, NM) "两类产品。"
	if (r < 0.80 && NBIB > 0)
		return t "的设计方法见" x("bibr", "bib-" (1 + int(rnd() * NBIB))) "。"
	if (r < 0.90)
		return t "的" prop() "数据来源于制造商的型式试验报告。"
	return t "的术语解释见" xref_term() "。"
}

function example_sentence(    t) {
	t = term()
	return "某型" t "在" pick(CN, NCN) "条件下测得的" prop() "为" value() "。"
}

function para(normative, n,    s, i) {
	s = ""
	for (i = 0; i < n; i++)
		s = s (normative ? req() : info())
	return s
}

# ---- blocks ---------------------------------------------------------------

function p(level, text) {
	o(ind(level) "<p>" text "</p>")
}

function table(level, normative,    id, n, i, t, pr) {
	id = "tab-" (++TABN)
	t = term()
	o(ind(level) "<table-wrap id=\"" id "\">")
	o(ind(level + 1) "<caption><title>" t "的" (normative ? "技术要求" : "典型参数") "</title></caption>")
	o(ind(level + 1) "<table border=\"1\">")
	if (normative)
		o(ind(level + 2) "<thead><tr><th>序号</th><th>项目</th><th>要求</th><th>试验方法</th></tr></thead>")
	else
		o(ind(level + 2) "<thead><tr><th>序号</th><th>项目</th><th>典型值</th><th>说明</th></tr></thead>")
	o(ind(level + 2) "<tbody>")
	n = 3 + int(rnd() * 4)
	for (i = 1; i <= n; i++) {
		pr = prop()
		o(ind(level + 3) "<tr><td>" i "</td><td>" pr "</td><td>" limit_sign() value() "</td><td>" \
			(normative ? xref_sec() : pick(CN, NCN)) "</td></tr>")
	}
	o(ind(level + 2) "</tbody>")
	o(ind(level + 1) "</table>")
	o(ind(level) "</table-wrap>")
	TABS[++NTABS] = id
}

function figure(level,    id) {
	id = "fig-" (++FIGN)
	o(ind(level) "<fig id=\"" id "\">")
	o(ind(level + 1) "<caption><title>" term() "结构示意图</title></caption>")
	o(ind(level + 1) "<graphic xlink:href=\"" id ".png\"/>")
	o(ind(level) "</fig>")
	FIGS[++NFIGS] = id
}

function formula(level,    id, k) {
	id = "eq-" (++EQN)
	k = 1 + int(rnd() * NFM)
	o(ind(level) "<disp-formula id=\"" id "\">")
	o(ind(level + 1) "<mml:math display=\"block\">" FM[k] "</mml:math>")
	o(ind(level) "</disp-formula>")
	p(level, "式中：" FW[k])
	EQS[++NEQS] = id
}

function list(level, normative,    n, i, s) {
	if (normative)
		p(level, term() "应具备下列功能：")
	else
		p(level, term() "通常具备下列功能：")
	o(ind(level) "<list list-type=\"" (rnd() < 0.5 ? "alpha-lower" : "dash") "\">")
	n = 2 + int(rnd() * 4)
	for (i = 1; i <= n; i++)
		o(ind(level + 1) "<list-item><p>" pick(FT, NFT) "功能" (i < n ? "；" : "。") "</p></list-item>")
	o(ind(level) "</list>")
}

function note(level) {
	o(ind(level) "<non-normative-note><p>" info() "</p></non-normative-note>")
}

function example(level) {
	o(ind(level) "<non-normative-example><p>" example_sentence() "</p></non-normative-example>")
}

# The content of a subclause that has no subclauses.
function leaf(level, normative,    n, i, s, r) {
	n = 1 + int(rnd() * 3)
	for (i = 0; i < n; i++) {
		s = para(normative, 1 + int(rnd() * 3))
		if (rnd() < 0.04)
			s = s "<fn id=\"fn-" (++FNN) "\"><p>" info() "</p></fn>"
		p(level, s)
	}
	if (rnd() < 0.15) {
		p(level, term() "的" (normative ? "技术要求应符合" : "典型参数见") x("table", "tab-" (TABN + 1)) (normative ? "的规定。" : "。"))
		table(level, normative)
	}
	if (rnd() < 0.10) {
		p(level, term() "的结构见" x("fig", "fig-" (FIGN + 1)) "。")
		figure(level)
	}
	if (rnd() < 0.12) {
		p(level, term() "的" prop() (normative ? "应" : "") "按" x("disp-formula", "eq-" (EQN + 1)) "计算：")
		formula(level)
	}
	if (rnd() < 0.15)
		list(level, normative)
	r = rnd()
	if (r < 0.25) {
		note(level)
		if (r < 0.06)
			note(level)
	}
	if (rnd() < 0.08)
		example(level)
}

function subclause_title(    r) {
	r = rnd()
	if (r < 0.5)
		return term() "的" prop()
	if (r < 0.8)
		return prop()
	return pick(HN, NH) pick(ST, NST)
}

# A subclause at DEPTH (2 = 5.1 or A.1, 5 = 5.1.1.1.1), indented by
# LEVEL, with subclauses of its own or content.  Untitled subclauses
# (GB/T 1.1 allows them, all siblings alike) have an empty title: NISO STS
# wants a title or a label on a sec, and numbers are never typed.
function sec(depth, level, normative, titled,    id, n, i, kt, deeper) {
	id = "sec-" (++SECN)
	o(ind(level) "<sec id=\"" id "\">")
	o(ind(level + 1) (titled ? "<title>" subclause_title() "</title>" : "<title/>"))
	if (normative)
		SECS[++NSECS] = id
	deeper = depth == 2 ? 0.40 : depth == 3 ? 0.30 : depth == 4 ? 0.20 : 0
	if (rnd() < deeper) {
		n = 2 + int(rnd() * 3)
		# From 5.1.1 down, a group of siblings in four is untitled.
		kt = rnd() < 0.75
		for (i = 0; i < n; i++)
			sec(depth + 1, level + 1, normative, kt)
	} else {
		leaf(level + 1, normative)
	}
	o(ind(level) "</sec>")
}

# ---- the draft --------------------------------------------------------------

BEGIN {
	if (mb == "")
		mb = 1
	if (mb + 0 <= 0 || mb + 0 > 200)
		die("mb must be a number of megabytes above 0 (at most 200), not '" mb "'")
	if (length("中") != 3)
		die("run with LC_ALL=C: this awk counts characters, not bytes")
	RS_ = seed == "" ? 1 : int(seed)
	if (RS_ < 1 || RS_ >= 2147483647)
		die("seed must be a whole number from 1 to 2147483646")
	TARGET = int(mb * 1048576)

	NM = split("协作|移动|工业|服务|并联|串联|关节|直角坐标|柔性|智能|示教|远程|自主|巡检|焊接|喷涂|搬运|装配|码垛|分拣|医疗|康复|水下|防爆|轮式|足式|履带式|视觉|力控|冗余|模块化|轻型|重载|高速|精密|双臂|桌面|教育|仓储|清洁|配送|安防|农业|建筑|特种|仿人|外骨骼|云端|嵌入式|分布式|主动|被动|数字|网络化|无线|便携式|固定式|人机|多关节|复合", MN, "|")
	split("collaborative|mobile|industrial|service|parallel|serial|articulated|Cartesian|flexible|intelligent|teach|remote|autonomous|inspection|welding|painting|handling|assembly|palletizing|sorting|medical|rehabilitation|underwater|explosion-proof|wheeled|legged|tracked|vision|force-controlled|redundant|modular|lightweight|heavy-duty|high-speed|precision|dual-arm|desktop|educational|warehouse|cleaning|delivery|security|agricultural|construction|special-purpose|humanoid|exoskeleton|cloud|embedded|distributed|active|passive|digital|networked|wireless|portable|fixed|human-robot|multi-joint|composite", ME, "|")
	NH = split("机器人|控制器|末端执行器|示教器|伺服驱动器|减速器|传感器|操作机|工作空间|安全防护装置|急停装置|使能装置|关节模组|运动控制卡|视觉系统|定位系统|导航系统|电池组|充电装置|通信接口|控制软件|操作系统|数据总线|工具快换装置|夹持器|吸盘|力矩传感器|编码器|制动器|电机|线缆组件|防护罩|底座|手腕|手臂|轨迹规划器|运动路径|有效载荷|工作站|安全控制系统|人机界面|诊断模块|标定装置|作业单元|协作区域|激光雷达|避障系统|调度系统|数字孪生模型|感知系统|决策模块|执行机构|电源模块|散热系统|外壳|接地装置|保护电路|监控终端|存储单元|驱动单元", HN, "|")
	split("robot|controller|end effector|teach pendant|servo drive|reducer|sensor|manipulator|workspace|safeguard|emergency stop device|enabling device|joint module|motion control card|vision system|positioning system|navigation system|battery pack|charging device|communication interface|control software|operating system|data bus|tool changer|gripper|suction cup|torque sensor|encoder|brake|motor|cable assembly|protective cover|base|wrist|arm|trajectory planner|motion path|payload|workstation|safety control system|human-machine interface|diagnostic module|calibration device|work unit|collaborative area|lidar|obstacle avoidance system|dispatching system|digital twin model|perception system|decision module|actuating mechanism|power supply module|cooling system|enclosure|earthing device|protective circuit|monitoring terminal|storage unit|drive unit", HE, "|")
	NP = split("额定负载|定位精度|重复定位精度|轨迹精度|最大单轴速度|工作半径|制动距离|停止时间|噪声|温升|绝缘电阻|耐电压|接地电阻|平均无故障工作时间|功耗|通信延迟|定位误差|续航时间|爬坡角度|越障高度|夹持力|接触力|表面温度|振动加速度|泄漏电流|启动时间|数据刷新周期|防护等级数字|待机功率|定位重复性", PN, "|")
	# unit (with its space), lowest and highest value, decimals
	split(" kg| mm| mm| mm| mm/s| mm| mm| s| dB(A)| K| MΩ| V| mΩ| h| W| ms| mm| min|°| mm| N| N| ℃| m/s²| mA| s| ms|| W| mm", PU, "|")
	split("3 0.02 0.02 0.1 250 500 50 0.1 55 10 1 500 10 5000 50 1 0.5 60 5 10 20 50 35 0.5 0.25 1 1 4 1 0.01", PLO, " ")
	split("50 0.5 0.1 2 3000 1800 400 1.5 75 60 100 2500 100 80000 2000 50 20 480 20 100 400 150 60 5 3.5 30 100 8 20 0.1", PHI, " ")
	split("0 2 2 1 0 0 0 2 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 1 2 0 0 0 0 2", PDEC, " ")
	# 1 where the requirement is a lower limit (不小于, ≥)
	split("1 0 0 0 1 1 0 0 0 0 1 1 0 1 0 0 0 1 1 1 1 0 0 0 0 0 0 1 0 0", PGE, " ")
	NCN = split("额定负载|最大速度|环境温度40 ℃|相对湿度93%|额定电压85%|连续运行8 h|满载|空载|环境温度-10 ℃|海拔2 000 m|振动|电源波动|低照度|强电磁干扰|盐雾", CN, "|")
	NFT = split("自主导航|人机协作|力觉反馈|视觉识别|远程监控|故障自诊断|多轴联动|路径规划|碰撞检测|速度与分离监控|功率和力限制|无线通信|在线标定|自适应控制|离线编程|安全停止|手动引导|运行日志记录|固件升级|数据加密", FT, "|")
	NPS = split("在工业环境中完成物料搬运|在生产线上执行装配作业|在公共场所提供引导服务|在医疗机构辅助诊疗操作|在仓储环境中完成货物分拣|在危险环境中代替人员作业|对设备运行状态进行巡检|对工件进行焊接或切割|在实验室中完成样品处理|在家庭环境中执行清洁任务", PS, "|")
	NMT = split("激光跟踪仪|三坐标测量机|功率分析仪|声级计|绝缘电阻测试仪|高速摄像机|数据记录仪|温度记录仪|力传感器|示波器|耐压测试仪|接地电阻测试仪", MT, "|")
	NST = split("的一般要求|的结构要求|的安装要求|的标识|的防护|的接口|的软件|的维护|的标定|的布置", ST, "|")
	NCT = split("分类与标记|基本参数|总体要求|结构要求|机械安全要求|电气安全要求|控制系统要求|功能安全要求|性能要求|环境适应性|电磁兼容性|软件要求|信息安全要求|人机交互要求|通信要求|可靠性要求|能效要求|安装要求|维护要求|使用信息", CT, "|")
	NTT = split("机械安全|机械电气安全|工业机器人|服务机器人|移动机器人|电磁兼容|环境试验|信息安全技术|工业自动化系统与集成|安全控制系统", TT, "|")
	NTS = split("设计通则　风险评估与风险减小|通用技术条件|性能规范及其试验方法|安全要求|试验方法|术语|坐标系和运动命名原则|数据接口规范|图形符号|可靠性评价方法|控制系统有关安全部件|防护装置　固定式和活动式防护装置的设计与制造一般要求", TS, "|")
	NTE = split("Safety of machinery — General principles for design|Robotics — Safety requirements|Robotics — Vocabulary|Electromagnetic compatibility — Immunity|Environmental testing — Test methods", TE, "|")

	# MathML formulae and their 式中 lines.
	NFM = 0
	FM[++NFM] = "<mml:mrow><mml:mi>P</mml:mi><mml:mo>=</mml:mo><mml:mfrac><mml:mrow><mml:mi>F</mml:mi><mml:mo>⋅</mml:mo><mml:mi>v</mml:mi></mml:mrow><mml:mi>η</mml:mi></mml:mfrac></mml:mrow>"
	FW[NFM] = "P——功率，单位为瓦（W）；F——作用力，单位为牛顿（N）；v——速度，单位为米每秒（m/s）；η——传动效率。"
	FM[++NFM] = "<mml:mrow><mml:msub><mml:mi>S</mml:mi><mml:mi>p</mml:mi></mml:msub><mml:mo>=</mml:mo><mml:msub><mml:mi>v</mml:mi><mml:mi>h</mml:mi></mml:msub><mml:mo>×</mml:mo><mml:mrow><mml:mo>(</mml:mo><mml:msub><mml:mi>T</mml:mi><mml:mi>r</mml:mi></mml:msub><mml:mo>+</mml:mo><mml:msub><mml:mi>T</mml:mi><mml:mi>s</mml:mi></mml:msub><mml:mo>)</mml:mo></mml:mrow><mml:mo>+</mml:mo><mml:mi>C</mml:mi></mml:mrow>"
	FW[NFM] = "S_p——防护间距，单位为毫米（mm）；v_h——人员接近速度，单位为毫米每秒（mm/s）；T_r——响应时间，单位为秒（s）；T_s——停止时间，单位为秒（s）；C——附加距离，单位为毫米（mm）。"
	FM[++NFM] = "<mml:mrow><mml:msub><mml:mi>RP</mml:mi><mml:mi>l</mml:mi></mml:msub><mml:mo>=</mml:mo><mml:mover><mml:mi>l</mml:mi><mml:mo>‾</mml:mo></mml:mover><mml:mo>+</mml:mo><mml:mn>3</mml:mn><mml:msub><mml:mi>S</mml:mi><mml:mi>l</mml:mi></mml:msub></mml:mrow>"
	FW[NFM] = "RP_l——位置重复性，单位为毫米（mm）；l‾——到达点至重心的距离的平均值，单位为毫米（mm）；S_l——标准偏差，单位为毫米（mm）。"
	FM[++NFM] = "<mml:mrow><mml:msub><mml:mi>AP</mml:mi><mml:mi>P</mml:mi></mml:msub><mml:mo>=</mml:mo><mml:msqrt><mml:mrow><mml:msup><mml:mrow><mml:mo>(</mml:mo><mml:mover><mml:mi>x</mml:mi><mml:mo>‾</mml:mo></mml:mover><mml:mo>−</mml:mo><mml:msub><mml:mi>x</mml:mi><mml:mi>c</mml:mi></mml:msub><mml:mo>)</mml:mo></mml:mrow><mml:mn>2</mml:mn></mml:msup><mml:mo>+</mml:mo><mml:msup><mml:mrow><mml:mo>(</mml:mo><mml:mover><mml:mi>y</mml:mi><mml:mo>‾</mml:mo></mml:mover><mml:mo>−</mml:mo><mml:msub><mml:mi>y</mml:mi><mml:mi>c</mml:mi></mml:msub><mml:mo>)</mml:mo></mml:mrow><mml:mn>2</mml:mn></mml:msup></mml:mrow></mml:msqrt></mml:mrow>"
	FW[NFM] = "AP_P——位置准确度，单位为毫米（mm）；x‾、y‾——实到位置坐标的平均值，单位为毫米（mm）；x_c、y_c——指令位置的坐标，单位为毫米（mm）。"
	FM[++NFM] = "<mml:mrow><mml:mi>MTBF</mml:mi><mml:mo>=</mml:mo><mml:mfrac><mml:mrow><mml:munderover><mml:mo>∑</mml:mo><mml:mrow><mml:mi>i</mml:mi><mml:mo>=</mml:mo><mml:mn>1</mml:mn></mml:mrow><mml:mi>n</mml:mi></mml:munderover><mml:msub><mml:mi>t</mml:mi><mml:mi>i</mml:mi></mml:msub></mml:mrow><mml:mi>r</mml:mi></mml:mfrac></mml:mrow>"
	FW[NFM] = "MTBF——平均无故障工作时间，单位为小时（h）；t_i——第i台样机的累计工作时间，单位为小时（h）；n——样机数量；r——故障总数。"

	NT = int(60 + 150 * mb)
	if (NT > 3500)
		NT = 3500
	NR = int(12 + 20 * mb)
	NA = int(2 + mb)
	if (NA > 20)
		NA = 20
	NBIB = int(10 + 10 * mb)
	NCLAUSE = int(8 + 2 * mb)

	# Terms: modifier + head, in a scrambled order, no name twice.
	NCOMB = NM * NH
	n = 0
	for (c = 0; c < NCOMB && n < NT; c++) {
		k = (c * 1237) % NCOMB
		i = int(k / NH) + 1
		j = k % NH + 1
		name = MN[i] HN[j]
		if (name in SEEN)
			continue
		SEEN[name] = 1
		TN[++n] = name
		TE[n] = ME[i] " " HE[j]
		TH[n] = HN[j]
	}
	NT = n

	# Normative references: mostly GB/T, some GB, JB/T and ISO; unique
	# numbers (the main number grows by 137 a reference).
	for (k = 1; k <= NR; k++) {
		main = 2000 + 137 * k
		r = k % 20
		y = 2008 + (k * 7) % 16
		if (r < 2) {
			num = "ISO " main (k % 3 ? "-" (1 + k % 3) : "")
			RDAT[k] = num ":" y
			RUND[k] = num
			RTIT[k] = TE[1 + k % 5]
			continue
		}
		fam = r < 14 ? "GB/T" : r < 17 ? "GB" : "JB/T"
		num = fam " " main (k % 3 == 0 ? "." (1 + k % 4) : "")
		RDAT[k] = num "—" y
		RUND[k] = num
		RTIT[k] = TT[1 + k % NTT] "　" TS[1 + int(k / NTT) % NTS]
	}
	for (k = 1; k <= NA; k++)
		AT[k] = (k % 2) ? "norm" : "inform"

	# ---- front ----
	o("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
	o("<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:mml=\"http://www.w3.org/1998/Math/MathML\" dtd-version=\"1.2\" xml:lang=\"zh\">")
	o("  <front>")
	o("    <std-meta>")
	o("      <title-wrap xml:lang=\"zh\"><main>工业机器人　协作系统　第1部分：通用技术条件</main></title-wrap>")
	o("      <title-wrap xml:lang=\"en\"><main>Industrial robots — Collaborative systems — Part 1: General specification</main></title-wrap>")
	o("      <release-version>WD</release-version>")
	o("      <std-ident><originator>GB/T</originator><doc-number>12345.1</doc-number><version>2026</version></std-ident>")
	o("      <std-ref type=\"dated\">GB/T 12345.1—2026</std-ref>")
	o("      <release-date date-type=\"published\">2026-12-01</release-date>")
	o("      <release-date date-type=\"effective\">2027-06-01</release-date>")
	o("      <comm-ref>SAC/TC 591</comm-ref>")
	o("      <ics>25.040.30</ics>")
	o("      <std-xref type=\"replaces\"><std-ref>GB/T 12345.1—2018</std-ref></std-xref>")
	o("      <custom-meta-group>")
	o("        <custom-meta><meta-name>ccs</meta-name><meta-value>J07</meta-value></custom-meta>")
	o("        <custom-meta><meta-name>profile</meta-name><meta-value>gbt</meta-value></custom-meta>")
	o("      </custom-meta-group>")
	o("    </std-meta>")
	o("    <sec sec-type=\"foreword\" id=\"foreword\">")
	o("      <title>前言</title>")
	o("      <p>本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。</p>")
	o("      <p>本文件是GB/T 12345《工业机器人　协作系统》的第1部分。GB/T 12345已经发布了以下部分：</p>")
	o("      <list list-type=\"dash\">")
	o("        <list-item><p>第1部分：通用技术条件；</p></list-item>")
	o("        <list-item><p>第2部分：试验方法。</p></list-item>")
	o("      </list>")
	o("      <p>本文件代替GB/T 12345.1—2018《工业机器人　协作系统　第1部分：通用技术条件》，与GB/T 12345.1—2018相比，除结构调整和编辑性改动外，主要技术变化如下：</p>")
	o("      <list list-type=\"dash\">")
	n = 6 + int(mb * 2)
	if (n > 40)
		n = 40
	for (i = 1; i <= n; i++)
		o("        <list-item><p>" (i % 3 == 1 ? "增加了" : i % 3 == 2 ? "更改了" : "删除了") pick(HN, NH) "的" prop() "要求" (i < n ? "；" : "。") "</p></list-item>")
	o("      </list>")
	o("      <p>请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。</p>")
	o("      <p>本文件由中国机械工业联合会提出。</p>")
	o("      <p>本文件由全国机器人标准化技术委员会（SAC/TC 591）归口。</p>")
	o("      <p>本文件起草单位：广州华智机器人有限公司、深圳腾云智能科技有限公司、佛山精工智能装备研究院。</p>")
	o("      <p>本文件主要起草人：张明、李华、王芳、陈志强。</p>")
	o("      <p>本文件于2018年首次发布，本次为第一次修订。</p>")
	o("    </sec>")
	o("    <sec sec-type=\"intro\" id=\"intro\">")
	o("      <title>引言</title>")
	o("      <p>协作机器人在制造业中的使用日益广泛，人与机器人在同一空间内协同作业，对机器人系统的安全和性能提出了新的要求。</p>")
	o("      <p>GB/T 12345《工业机器人　协作系统》旨在确立协作机器人系统的通用技术条件和试验方法，拟由两个部分构成。</p>")
	o("    </sec>")
	o("  </front>")

	# ---- body: clauses 1 to 3 ----
	o("  <body>")
	o("    <sec sec-type=\"scope\" id=\"scope\">")
	o("      <title>范围</title>")
	o("      <p>本文件规定了协作机器人系统的分类与标记、基本参数、技术要求、试验方法、检验规则以及标志、包装、运输和贮存。</p>")
	o("      <p>本文件适用于额定负载不大于50 kg的协作机器人系统的设计、制造和检验，其他类型的机器人系统参照使用。</p>")
	o("    </sec>")
	o("    <sec sec-type=\"norm-refs\" id=\"norm-refs\">")
	o("      <title>规范性引用文件</title>")
	o("      <p>下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。</p>")
	o("      <ref-list content-type=\"norm-refs\">")
	for (k = 1; k <= NR; k++)
		o("        <ref id=\"ref-" k "\"><std><std-ref>" RDAT[k] "</std-ref>　<title>" RTIT[k] "</title></std></ref>")
	o("      </ref-list>")
	o("    </sec>")
	o("    <sec sec-type=\"terms\" id=\"terms\">")
	o("      <title>术语和定义</title>")
	o("      <p>下列术语和定义适用于本文件。</p>")
	for (k = 1; k <= NT; k++) {
		o("      <term-sec id=\"term-" k "\">")
		o("        <tbx:termEntry id=\"te-" k "\">")
		o("          <tbx:langSet xml:lang=\"zh\">")
		o("            <tbx:definition>具有" pick(FT, NFT) "功能，用于" pick(PS, NPS) "的" TH[k] "</tbx:definition>")
		if (k % 7 == 0)
			o("            <tbx:note>" TN[k] "通常由" pick(HN, NH) "和" pick(HN, NH) "组成。</tbx:note>")
		if (k % 11 == 0)
			o("            <tbx:source>ISO 8373:2021，3." (1 + k % 40) "，有修改</tbx:source>")
		o("            <tbx:tig><tbx:term>" TN[k] "</tbx:term></tbx:tig>")
		o("          </tbx:langSet>")
		o("          <tbx:langSet xml:lang=\"en\">")
		o("            <tbx:tig><tbx:term>" TE[k] "</tbx:term></tbx:tig>")
		o("          </tbx:langSet>")
		o("        </tbx:termEntry>")
		o("      </term-sec>")
	}
	o("    </sec>")

	# ---- body: technical clauses, sized to leave room for the annexes
	# and the bibliography ----
	tail_bytes = TARGET * 0.10 + NBIB * 220 + 200
	body_end = TARGET - tail_bytes
	per_clause = (body_end - BYTES) / NCLAUSE
	if (per_clause < 2000)
		per_clause = 2000
	c = 0
	while (BYTES < body_end || c < 1) {
		c++
		id = "sec-" (++SECN)
		CLS[++NCLS] = id
		SECS[++NSECS] = id
		title = CT[1 + (c - 1) % NCT]
		if (c > NCT)
			title = HN[1 + (c * 7) % NH] "的" title
		o("    <sec id=\"" id "\">")
		o("      <title>" title "</title>")
		clause_end = BYTES + per_clause
		n = 0
		while (BYTES < clause_end || n < 2) {
			sec(2, 3, 1, 1)
			n++
		}
		o("    </sec>")
	}
	# Terms, references and annexes the text has not used yet (a small
	# draft): one more clause uses them.
	if (TCYC < NT || RCYC < NR || ACYC < NA) {
		id = "sec-" (++SECN)
		o("    <sec id=\"" id "\">")
		o("      <title>补充要求</title>")
		while (TCYC < NT || RCYC < NR || ACYC < NA) {
			o("      <sec id=\"sec-" (++SECN) "\">")
			o("        <title>" subclause_title() "</title>")
			s = ""
			if (RCYC < NR)
				s = s term() "的" prop() "应符合" cite_ref() "的规定。"
			if (ACYC < NA)
				s = s annex_sentence()
			t = term()
			pr = prop()
			s = s t "的" pr "应" limit_words() value() "。"
			p(4, s)
			o("      </sec>")
		}
		o("    </sec>")
	}
	o("  </body>")

	# ---- back: annexes and bibliography ----
	o("  <back>")
	o("    <app-group>")
	annex_bytes = (TARGET - NBIB * 220 - 200 - BYTES) / NA
	if (annex_bytes < 1500)
		annex_bytes = 1500
	for (k = 1; k <= NA; k++) {
		norm = AT[k] == "norm"
		o("      <app id=\"app-" k "\" content-type=\"" (norm ? "norm-annex" : "inform-annex") "\">")
		o("        <annex-type>" (norm ? "规范性" : "资料性") "</annex-type>")
		o("        <title>" TN[1 + (k * 13) % NT] (norm ? "的试验方法" : "的选型和应用示例") "</title>")
		annex_end = BYTES + annex_bytes
		n = 0
		while (BYTES < annex_end || n < 2) {
			sec(2, 4, norm, 1)
			n++
		}
		o("      </app>")
	}
	o("    </app-group>")
	o("    <ref-list content-type=\"bibl\" id=\"bibliography\">")
	o("      <title>参考文献</title>")
	for (k = 1; k <= NBIB; k++) {
		main = 2050 + 137 * k
		y = 2005 + (k * 5) % 19
		if (k % 5 == 0)
			o("      <ref id=\"bib-" k "\"><mixed-citation>" pick(HN, NH) "设计手册（第" (1 + k % 4) "版）．北京：机械工业出版社，" y "．</mixed-citation></ref>")
		else if (k % 4 == 0)
			o("      <ref id=\"bib-" k "\"><std><std-ref>ISO/TS " main ":" y "</std-ref>　<title>" TE[1 + k % 5] "</title></std></ref>")
		else
			o("      <ref id=\"bib-" k "\"><std><std-ref>GB/T " main "—" y "</std-ref>　<title>" TT[1 + k % NTT] "　" TS[1 + int(k / 3) % NTS] "</title></std></ref>")
	}
	o("    </ref-list>")
	o("  </back>")
	o("</standard>")
}
