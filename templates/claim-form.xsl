<?xml version="1.0" encoding="UTF-8"?>
<!--
  claim-form.xsl: the grant application form (申请表) of a claim.

  Input: the <claim> document of 'stdtool claim-grant' (st_claim_to_xml in
  src/lib/st_claim.c).  Output: one self-contained HTML5 page in Chinese,
  printable on A4; the reasons and evidence are shown as the claim words
  them.  Samples, and a check of the amount templates, are in
  tests/data/claim-form/; tests/screenshot-claim-form.sh renders one.

  Rules kept here:
  - XSLT 1.0 only, no extension functions, no document(), no parameters.
  - Nothing from the input reaches the output unescaped: no
    disable-output-escaping, and no input text inside <style>.
  - Amounts are integer yuan; 万元 is computed with integer arithmetic
    (template "wan"), the capital-number words by template "daxie".
  - A claim whose total-yuan differs from the sum of its eligible items is
    refused (xsl:message terminate="yes"): such a form must not be issued.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:variable name="form-title">广东省人工智能与机器人产业标准化项目资助申请表</xsl:variable>

  <xsl:variable name="eligible"
                select="/claim/item[@eligible = 'true' or @eligible = '1']"/>
  <xsl:variable name="ineligible"
                select="/claim/item[not(@eligible = 'true' or @eligible = '1')]"/>
  <xsl:variable name="sum-yuan" select="sum($eligible/@amount-yuan)"/>
  <xsl:variable name="total-yuan">
    <xsl:choose>
      <xsl:when test="normalize-space(/claim/@total-yuan) != ''">
        <xsl:value-of select="normalize-space(/claim/@total-yuan)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$sum-yuan"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="policy-doc" select="normalize-space(/claim/policy/document)"/>
  <!--
    The clause is policy/clause when given.  Otherwise a title that ends in
    a parenthesised clause, as 「……若干政策措施（推进标准体系建设）」, is
    split so that the book-title marks hold the document's own title only
    and the clause is shown as 适用条款.
  -->
  <xsl:variable name="policy-title" select="normalize-space(/claim/policy/title)"/>
  <xsl:variable name="policy-split"
                select="contains($policy-title, '（')
                        and substring($policy-title, string-length($policy-title)) = '）'
                        and substring-before($policy-title, '（') != ''"/>
  <xsl:variable name="policy-name">
    <xsl:choose>
      <xsl:when test="$policy-split">
        <xsl:value-of select="substring-before($policy-title, '（')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$policy-title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="policy-clause">
    <xsl:choose>
      <xsl:when test="normalize-space(/claim/policy/clause) != ''">
        <xsl:value-of select="normalize-space(/claim/policy/clause)"/>
      </xsl:when>
      <xsl:when test="$policy-split">
        <xsl:variable name="rest" select="substring-after($policy-title, '（')"/>
        <xsl:value-of select="substring($rest, 1, string-length($rest) - 1)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="policy-id">
    <xsl:choose>
      <xsl:when test="/claim/policy/@id"><xsl:value-of select="/claim/policy/@id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/claim/@policy"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ================================================================ -->
  <xsl:template match="/">
    <xsl:if test="not(/claim)">
      <xsl:message terminate="yes">claim-form.xsl: the document is not a &lt;claim&gt;</xsl:message>
    </xsl:if>
    <xsl:if test="number($total-yuan) != $sum-yuan">
      <xsl:message terminate="yes">
        <xsl:text>claim-form.xsl: total-yuan (</xsl:text>
        <xsl:value-of select="$total-yuan"/>
        <xsl:text>) differs from the sum of the eligible items' amount-yuan (</xsl:text>
        <xsl:value-of select="$sum-yuan"/>
        <xsl:text>)</xsl:text>
      </xsl:message>
    </xsl:if>
    <html lang="zh-CN">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="stdtool"/>
        <title>
          <xsl:value-of select="$form-title"/>
          <xsl:if test="normalize-space(/claim/applicant/name) != ''">
            <xsl:text> — </xsl:text>
            <xsl:value-of select="normalize-space(/claim/applicant/name)"/>
          </xsl:if>
        </title>
        <style>
@page { size: A4; margin: 20mm 18mm; }
@page { @bottom-center { content: "第 " counter(page) " 页　共 " counter(pages) " 页";
    font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
    font-size: 9pt; } }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: #000; background: #fff;
  font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 10.5pt; line-height: 1.55; }
h1, h2, .pledge-title, thead th, .total th {
  font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 18pt; font-weight: bold; text-align: center; letter-spacing: 0.05em;
  margin: 4mm 0 3mm; line-height: 1.3; }
h2 { font-size: 12pt; font-weight: bold; margin: 6mm 0 2mm;
  page-break-after: avoid; break-after: avoid; }
p { margin: 0; }
.form-no { text-align: right; }
.basis { margin-top: 2mm; }
.meta { display: flex; justify-content: space-between; }
.blank { display: inline-block; min-width: 38mm; height: 1.2em;
  border-bottom: 1px solid #000; vertical-align: bottom; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
.grid th, .grid td { border: 1px solid #000; padding: 1.6mm 1.8mm; vertical-align: middle;
  overflow-wrap: anywhere; word-break: normal; }
.grid th { font-weight: normal; text-align: center; }
.grid thead th { font-weight: bold; font-size: 10pt; }
tr, .signatures, .pledge-text li { page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
.info td.fill { height: 7mm; }
.items { font-size: 10pt; }
.items td, .refs td { vertical-align: top; }
.sub.yuan { font-size: 8.5pt; }
.date { font-size: 9pt; white-space: nowrap; padding-left: 1mm !important; padding-right: 1mm !important; }
.c { text-align: center; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.c, td.num { vertical-align: middle !important; }
.sub { display: block; font-size: 9pt; }
.cat .sub { margin-top: 0.5mm; }
.reason { margin: 0; }
.reason + .reason { margin-top: 1mm; }
.evidence { margin: 0; padding: 0; list-style: none; }
.evidence li { padding-left: 1.4em; text-indent: -1.4em; }
.none td { text-align: center; height: 12mm; vertical-align: middle; }
.total th, .total td { font-weight: bold; }
.caps td { font-weight: bold; letter-spacing: 0.05em; }
.refs { font-size: 9.5pt; }
.refs .seg { display: inline-block; }
.refs .code { font-family: "Noto Sans Mono CJK SC", "Courier New", monospace; font-size: 8.5pt; }
.note { font-size: 9pt; margin-top: 2mm; }
.pledge-title { font-size: 18pt; font-weight: bold; text-align: center; letter-spacing: 0.6em;
  text-indent: 0.6em; margin: 6mm 0 8mm; }
.pledge-text { font-size: 12pt; line-height: 2; }
.pledge-text p { text-indent: 2em; }
.pledge-text ol { margin: 0; padding: 0; list-style: none; }
.pledge-text li { text-indent: 2em; }
.signatures { margin: 18mm 0 0 auto; width: 96mm; font-size: 12pt; line-height: 1; }
.signatures p { display: flex; align-items: flex-end; margin-bottom: 12mm; }
.signatures .blank { flex: 1; min-width: 0; }
.seal { height: 24mm; }
.foot { margin-top: 16mm; padding-top: 2mm; border-top: 1px solid #000; font-size: 9pt;
  line-height: 1.6; }
@media screen {
  body { background: #d9d9d9; padding: 8mm 0; }
  .sheet { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto 8mm;
    padding: 20mm 18mm; background: #fff; box-shadow: 0 0.5mm 3mm rgba(0, 0, 0, 0.35); }
}
@media print {
  .sheet { margin: 0; padding: 0; }
  .pledge { break-before: page; page-break-before: always; }
}
</style>
      </head>
      <body>
        <div class="sheet form">
          <xsl:call-template name="header"/>
          <xsl:apply-templates select="/claim/applicant"/>
          <xsl:if test="not(/claim/applicant)">
            <xsl:call-template name="applicant-block"/>
          </xsl:if>
          <xsl:call-template name="items"/>
          <xsl:if test="$ineligible">
            <xsl:call-template name="ineligible"/>
          </xsl:if>
        </div>
        <div class="sheet pledge">
          <xsl:call-template name="pledge"/>
          <div class="foot">
            <p>
              <xsl:text>本表由 stdtool 根据 </xsl:text>
              <xsl:choose>
                <xsl:when test="$policy-doc != ''"><xsl:value-of select="$policy-doc"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$policy-id"/></xsl:otherwise>
              </xsl:choose>
              <xsl:text> 自动生成，金额为上限测算，以主管部门审核为准。</xsl:text>
            </p>
            <p>
              <xsl:text>政策标识：</xsl:text>
              <xsl:value-of select="$policy-id"/>
            </p>
          </div>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- 1. Header -->
  <xsl:template name="header">
    <div class="head">
      <p class="form-no">编号：<span class="blank"></span></p>
      <h1><xsl:value-of select="$form-title"/></h1>
      <xsl:call-template name="policy-citation"/>
      <div class="meta">
        <p>
          <xsl:if test="normalize-space(/claim/policy/issuer) != ''">
            <xsl:text>发文机关：</xsl:text>
            <xsl:value-of select="normalize-space(/claim/policy/issuer)"/>
          </xsl:if>
        </p>
        <p>
          <xsl:text>申请日期：</xsl:text>
          <xsl:call-template name="date">
            <xsl:with-param name="value" select="/claim/@as-of"/>
          </xsl:call-template>
        </p>
      </div>
    </div>
  </xsl:template>

  <!-- 政策依据：《name》（document）, then 适用条款 on a line of its own. -->
  <xsl:template name="policy-citation">
    <p class="basis">
      <xsl:text>政策依据：</xsl:text>
      <xsl:call-template name="policy-cite"/>
    </p>
    <xsl:if test="$policy-clause != ''">
      <p>
        <xsl:text>适用条款：</xsl:text>
        <xsl:value-of select="$policy-clause"/>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="policy-cite">
    <xsl:if test="$policy-name != ''">
      <xsl:text>《</xsl:text>
      <xsl:value-of select="$policy-name"/>
      <xsl:text>》</xsl:text>
    </xsl:if>
    <xsl:if test="$policy-doc != ''">
      <xsl:text>（</xsl:text>
      <xsl:value-of select="$policy-doc"/>
      <xsl:text>）</xsl:text>
    </xsl:if>
    <xsl:if test="$policy-name = '' and $policy-doc = ''">
      <xsl:value-of select="$policy-id"/>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- 2. 申请单位信息 -->
  <xsl:template match="applicant">
    <xsl:call-template name="applicant-block">
      <xsl:with-param name="a" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="applicant-block">
    <xsl:param name="a" select="/.."/>
    <div class="section">
      <h2>一、申请单位信息</h2>
      <table class="grid info">
        <colgroup>
          <col style="width: 34mm"/><col/><col style="width: 24mm"/><col style="width: 46mm"/>
        </colgroup>
        <tbody>
          <tr>
            <th scope="row">单位名称</th>
            <td colspan="3"><xsl:value-of select="normalize-space($a/name)"/></td>
          </tr>
          <xsl:if test="normalize-space($a/name-en) != ''">
            <tr>
              <th scope="row">英文名称</th>
              <td colspan="3"><xsl:value-of select="normalize-space($a/name-en)"/></td>
            </tr>
          </xsl:if>
          <tr>
            <th scope="row">统一社会信用代码</th>
            <td>
              <xsl:choose>
                <xsl:when test="$a/@uscc"><xsl:value-of select="$a/@uscc"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="/claim/@org"/></xsl:otherwise>
              </xsl:choose>
            </td>
            <th scope="row">单位类型</th>
            <td>
              <xsl:call-template name="org-kind">
                <xsl:with-param name="kind" select="string($a/@kind)"/>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">注册地<br/>行政区划代码</th>
            <td colspan="3">
              <xsl:call-template name="region">
                <xsl:with-param name="code" select="normalize-space($a/@region)"/>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">联系人</th>
            <td class="fill"></td>
            <th scope="row">联系电话</th>
            <td class="fill"></td>
          </tr>
          <tr>
            <th scope="row">电子邮箱</th>
            <td class="fill" colspan="3"></td>
          </tr>
          <tr>
            <th scope="row">通讯地址</th>
            <td class="fill" colspan="3"></td>
          </tr>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="org-kind">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'enterprise'">企业</xsl:when>
      <xsl:when test="$kind = 'research-institute'">科研院所</xsl:when>
      <xsl:when test="$kind = 'university'">高等院校</xsl:when>
      <xsl:when test="$kind = 'association'">社会团体</xsl:when>
      <xsl:when test="$kind = 'government'">机关</xsl:when>
      <xsl:when test="$kind = 'other'">其他</xsl:when>
      <xsl:otherwise><xsl:value-of select="$kind"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The code, and for Guangdong the prefecture-level city it lies in. -->
  <xsl:template name="region">
    <xsl:param name="code"/>
    <xsl:value-of select="$code"/>
    <xsl:if test="string-length($code) = 6 and translate($code, '0123456789', '') = ''">
      <xsl:variable name="city">
        <xsl:call-template name="gd-city">
          <xsl:with-param name="prefix" select="substring($code, 1, 4)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$code = '440000'">（广东省）</xsl:when>
        <xsl:when test="$city != ''">
          <xsl:text>（广东省</xsl:text>
          <xsl:value-of select="$city"/>
          <xsl:text>）</xsl:text>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template name="gd-city">
    <xsl:param name="prefix"/>
    <xsl:choose>
      <xsl:when test="$prefix = '4401'">广州市</xsl:when>
      <xsl:when test="$prefix = '4402'">韶关市</xsl:when>
      <xsl:when test="$prefix = '4403'">深圳市</xsl:when>
      <xsl:when test="$prefix = '4404'">珠海市</xsl:when>
      <xsl:when test="$prefix = '4405'">汕头市</xsl:when>
      <xsl:when test="$prefix = '4406'">佛山市</xsl:when>
      <xsl:when test="$prefix = '4407'">江门市</xsl:when>
      <xsl:when test="$prefix = '4408'">湛江市</xsl:when>
      <xsl:when test="$prefix = '4409'">茂名市</xsl:when>
      <xsl:when test="$prefix = '4412'">肇庆市</xsl:when>
      <xsl:when test="$prefix = '4413'">惠州市</xsl:when>
      <xsl:when test="$prefix = '4414'">梅州市</xsl:when>
      <xsl:when test="$prefix = '4415'">汕尾市</xsl:when>
      <xsl:when test="$prefix = '4416'">河源市</xsl:when>
      <xsl:when test="$prefix = '4417'">阳江市</xsl:when>
      <xsl:when test="$prefix = '4418'">清远市</xsl:when>
      <xsl:when test="$prefix = '4419'">东莞市</xsl:when>
      <xsl:when test="$prefix = '4420'">中山市</xsl:when>
      <xsl:when test="$prefix = '4451'">潮州市</xsl:when>
      <xsl:when test="$prefix = '4452'">揭阳市</xsl:when>
      <xsl:when test="$prefix = '4453'">云浮市</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- 3. 申请资助项目 -->
  <xsl:template name="items">
    <div class="section">
      <h2>二、申请资助项目</h2>
      <table class="grid items">
        <colgroup>
          <col style="width: 8mm"/>
          <col style="width: 22mm"/>
          <col/>
          <col style="width: 21mm"/>
          <col style="width: 29mm"/>
          <col style="width: 22mm"/>
          <col style="width: 34mm"/>
        </colgroup>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">类别</th>
            <th scope="col">项目</th>
            <th scope="col">日期</th>
            <th scope="col">依据</th>
            <th scope="col">申请金额<br/>（万元）</th>
            <th scope="col">需提交的证明材料</th>
          </tr>
        </thead>
        <tbody>
          <xsl:choose>
            <xsl:when test="$eligible">
              <xsl:for-each select="$eligible">
                <xsl:call-template name="item-row">
                  <xsl:with-param name="n" select="position()"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <tr class="none"><td colspan="7">无符合条件的项目</td></tr>
            </xsl:otherwise>
          </xsl:choose>
          <tr class="total">
            <th scope="row" colspan="5">
              <xsl:text>合计</xsl:text>
              <xsl:if test="$eligible">
                <xsl:text>（共 </xsl:text>
                <xsl:value-of select="count($eligible)"/>
                <xsl:text> 项）</xsl:text>
              </xsl:if>
            </th>
            <td class="num">
              <xsl:call-template name="wan">
                <xsl:with-param name="yuan" select="$total-yuan"/>
              </xsl:call-template>
            </td>
            <td class="num">
              <xsl:call-template name="yuan">
                <xsl:with-param name="yuan" select="$total-yuan"/>
              </xsl:call-template>
              <xsl:text> 元</xsl:text>
            </td>
          </tr>
          <xsl:variable name="caps">
            <xsl:call-template name="daxie">
              <xsl:with-param name="yuan" select="$total-yuan"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:if test="$caps != ''">
            <tr class="caps">
              <th scope="row" colspan="2">金额大写</th>
              <td colspan="5">
                <xsl:text>人民币</xsl:text>
                <xsl:value-of select="$caps"/>
              </td>
            </tr>
          </xsl:if>
        </tbody>
      </table>
      <p class="note">注：申请金额按政策规定的资助上限测算，最终以主管部门审核结果为准；证明材料按序号装订成册，复印件须加盖单位公章。</p>
    </div>
  </xsl:template>

  <xsl:template name="item-row">
    <xsl:param name="n"/>
    <tr>
      <td class="c"><xsl:value-of select="$n"/></td>
      <td class="c cat"><xsl:call-template name="category"/></td>
      <td><xsl:call-template name="item-label"/></td>
      <td class="c date">
        <xsl:if test="normalize-space(@date) != ''">
          <span class="sub">
            <xsl:choose>
              <xsl:when test="@kind = 'standard'">发布日期</xsl:when>
              <xsl:when test="@kind = 'secretariat'">批准日期</xsl:when>
              <xsl:otherwise>日期</xsl:otherwise>
            </xsl:choose>
          </span>
          <xsl:value-of select="normalize-space(@date)"/>
        </xsl:if>
      </td>
      <td>
        <xsl:for-each select="reason">
          <p class="reason"><xsl:value-of select="normalize-space(.)"/></p>
        </xsl:for-each>
      </td>
      <td class="num">
        <xsl:call-template name="wan">
          <xsl:with-param name="yuan" select="@amount-yuan"/>
        </xsl:call-template>
        <span class="sub yuan">
          <xsl:call-template name="yuan">
            <xsl:with-param name="yuan" select="@amount-yuan"/>
          </xsl:call-template>
          <xsl:text>元</xsl:text>
        </span>
        <xsl:if test="normalize-space(@ceiling-yuan) != ''
                      and number(@ceiling-yuan) != number(@amount-yuan)">
          <span class="sub">
            <xsl:text>上限 </xsl:text>
            <xsl:call-template name="wan">
              <xsl:with-param name="yuan" select="@ceiling-yuan"/>
            </xsl:call-template>
          </span>
        </xsl:if>
      </td>
      <td>
        <xsl:if test="evidence">
          <ol class="evidence">
            <xsl:for-each select="evidence">
              <li>
                <xsl:value-of select="position()"/>
                <xsl:text>. </xsl:text>
                <xsl:value-of select="normalize-space(.)"/>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <xsl:template name="item-label">
    <xsl:choose>
      <xsl:when test="normalize-space(label) != ''">
        <xsl:value-of select="normalize-space(label)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@ref"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    类别: 主导制定 over the level of the standard (主导制定 / 国际标准), or
    承担标准化技术委员会秘书处 over the level of the committee (（全国）); the
    lines are broken where the 22 mm column would break them anyway.
  -->
  <xsl:template name="category">
    <xsl:variable name="level" select="string(@level)"/>
    <xsl:choose>
      <xsl:when test="@kind = 'standard'">
        <xsl:text>主导制定</xsl:text>
        <br/>
        <xsl:choose>
          <xsl:when test="$level = 'international'">国际标准</xsl:when>
          <xsl:when test="$level = 'national'">国家标准</xsl:when>
          <xsl:when test="$level = 'industry'">行业标准</xsl:when>
          <xsl:when test="$level = 'local' or $level = 'provincial'">地方标准</xsl:when>
          <xsl:when test="$level = 'group'">团体标准</xsl:when>
          <xsl:when test="$level = 'enterprise'">企业标准</xsl:when>
          <xsl:otherwise>
            <xsl:text>标准</xsl:text>
            <xsl:if test="$level != ''">
              <span class="sub">
                <xsl:text>（</xsl:text>
                <xsl:value-of select="$level"/>
                <xsl:text>）</xsl:text>
              </span>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="@kind = 'secretariat'">
        <xsl:text>承担标准化</xsl:text>
        <br/>
        <xsl:text>技术委员会</xsl:text>
        <br/>
        <xsl:text>秘书处</xsl:text>
        <span class="sub">
          <xsl:text>（</xsl:text>
          <xsl:choose>
            <xsl:when test="$level = 'international'">国际</xsl:when>
            <xsl:when test="$level = 'national'">全国</xsl:when>
            <xsl:when test="$level = 'provincial'">广东省</xsl:when>
            <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text>）</xsl:text>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="@kind"/>
        <xsl:if test="$level != ''">
          <span class="sub">
            <xsl:text>（</xsl:text>
            <xsl:value-of select="$level"/>
            <xsl:text>）</xsl:text>
          </span>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- 4. 未列入申请的项目（供参考） -->
  <xsl:template name="ineligible">
    <div class="section refs-section">
      <h2>三、未列入申请的项目（供参考）</h2>
      <table class="grid refs">
        <colgroup>
          <col style="width: 8mm"/>
          <col style="width: 22mm"/>
          <col/>
          <col style="width: 54mm"/>
          <col style="width: 33mm"/>
        </colgroup>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">类别</th>
            <th scope="col">项目</th>
            <th scope="col">未列入原因</th>
            <th scope="col">原因代码<br/>（政策参数）</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$ineligible">
            <tr>
              <td class="c"><xsl:value-of select="position()"/></td>
              <td class="c cat"><xsl:call-template name="category"/></td>
              <td><xsl:call-template name="item-label"/></td>
              <td>
                <xsl:for-each select="reason">
                  <p class="reason"><xsl:value-of select="normalize-space(.)"/></p>
                </xsl:for-each>
              </td>
              <td class="code">
                <xsl:for-each select="reason">
                  <p class="reason">
                    <xsl:call-template name="code">
                      <xsl:with-param name="s" select="string(@code)"/>
                    </xsl:call-template>
                    <xsl:if test="normalize-space(@param) != ''">
                      <xsl:text>（</xsl:text>
                      <xsl:value-of select="@param"/>
                      <xsl:text>）</xsl:text>
                    </xsl:if>
                  </p>
                </xsl:for-each>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!--
    A reason code, which may break after each underscore: one inline block
    a part (<wbr> is unknown to libxml2's HTML serialiser and checker).
  -->
  <xsl:template name="code">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '_')">
        <span class="seg">
          <xsl:value-of select="substring-before($s, '_')"/>
          <xsl:text>_</xsl:text>
        </span>
        <xsl:call-template name="code">
          <xsl:with-param name="s" select="substring-after($s, '_')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><span class="seg"><xsl:value-of select="$s"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- 5. 承诺书 -->
  <xsl:template name="pledge">
    <xsl:variable name="org" select="normalize-space(/claim/applicant/name)"/>
    <h2 class="pledge-title">承诺书</h2>
    <div class="pledge-text">
      <p>
        <xsl:text>本单位</xsl:text>
        <xsl:if test="$org != ''">
          <xsl:text>（</xsl:text>
          <xsl:value-of select="$org"/>
          <xsl:text>）</xsl:text>
        </xsl:if>
        <xsl:text>依据</xsl:text>
        <xsl:call-template name="policy-cite"/>
        <xsl:text>有关规定申请标准化项目资助，现郑重承诺如下：</xsl:text>
      </p>
      <ol>
        <li>一、本单位所填报的申请信息及提交的全部申请材料真实、准确、完整，不存在虚假记载、误导性陈述或者重大遗漏。</li>
        <li>二、本次申请资助的项目未获得过省级财政资金同类资助，不存在以同一项目多头申报、重复申领资助资金的情形，今后亦不以同一项目再次申领。</li>
        <li>三、获得资助后，严格按照有关规定和要求使用资助资金，自觉接受财政、审计及主管部门的监督检查和绩效评价，并如实提供有关资料。</li>
        <li>四、如有弄虚作假、骗取或者套取资助资金等行为，本单位愿意承担相应法律责任，并接受主管部门依照有关规定作出的取消申报资格、追回已拨付资金、纳入信用记录等处理。</li>
      </ol>
      <p>特此承诺。</p>
    </div>
    <div class="signatures">
      <p>法定代表人（签字）：<span class="blank"></span></p>
      <p class="seal">单位（盖章）：</p>
      <p>日期：　　　　年　　月　　日</p>
    </div>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Dates: YYYY-MM-DD becomes 2025年6月1日; anything else is shown as is. -->
  <xsl:template name="date">
    <xsl:param name="value"/>
    <xsl:variable name="d" select="normalize-space($value)"/>
    <xsl:choose>
      <xsl:when test="translate($d, '0123456789', '9999999999') = '9999-99-99'">
        <xsl:value-of select="substring($d, 1, 4)"/>
        <xsl:text>年</xsl:text>
        <xsl:value-of select="number(substring($d, 6, 2))"/>
        <xsl:text>月</xsl:text>
        <xsl:value-of select="number(substring($d, 9, 2))"/>
        <xsl:text>日</xsl:text>
      </xsl:when>
      <xsl:when test="$d = ''">　　　　年　　月　　日</xsl:when>
      <xsl:otherwise><xsl:value-of select="$d"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    Amounts.  $yuan is an integer number of yuan, below 2^53.

    wan: 万元 with two decimals, rounded half up at the hundred yuan.  Only
    exact operations are used: n div 100 is either exact (n ending in 50,
    the only tie) or far from a tie, so round() is right; cents mod 100 and
    the division of a multiple of 100 by 100 are exact.  Not an integer:
    shown as given.
  -->
  <xsl:template name="wan">
    <xsl:param name="yuan"/>
    <xsl:variable name="n" select="number($yuan)"/>
    <xsl:choose>
      <xsl:when test="$n = floor($n)">
        <xsl:variable name="a" select="$n * (1 - 2 * ($n &lt; 0))"/>
        <xsl:variable name="cents" select="round($a div 100)"/>
        <xsl:if test="$n &lt; 0 and $cents != 0">-</xsl:if>
        <xsl:value-of select="format-number(($cents - $cents mod 100) div 100, '#,##0')"/>
        <xsl:text>.</xsl:text>
        <xsl:value-of select="format-number($cents mod 100, '00')"/>
      </xsl:when>
      <xsl:when test="normalize-space($yuan) = ''">—</xsl:when>
      <xsl:otherwise><xsl:value-of select="$yuan"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- yuan: the integer with thousands separators. -->
  <xsl:template name="yuan">
    <xsl:param name="yuan"/>
    <xsl:variable name="n" select="number($yuan)"/>
    <xsl:choose>
      <xsl:when test="$n = floor($n)"><xsl:value-of select="format-number($n, '#,##0')"/></xsl:when>
      <xsl:when test="normalize-space($yuan) = ''">—</xsl:when>
      <xsl:otherwise><xsl:value-of select="$yuan"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    daxie: an integer amount of yuan from 0 to 999,999,999,999 in capital
    numerals, as the rules for filling in bills and vouchers ask:
    1,500,000 → 壹佰伍拾万元整; 1,010,100 → 壹佰零壹万零壹佰元整;
    100,005,000 → 壹亿零伍仟元整.  Anything else gives nothing.
  -->
  <xsl:template name="daxie">
    <xsl:param name="yuan"/>
    <xsl:variable name="n" select="number($yuan)"/>
    <xsl:choose>
      <xsl:when test="not($n = floor($n)) or $n &lt; 0 or $n &gt; 999999999999"/>
      <xsl:when test="$n = 0">零元整</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="daxie-digits">
          <xsl:with-param name="s" select="format-number($n, '0')"/>
        </xsl:call-template>
        <xsl:text>元整</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    One digit at a time, most significant first; $s has no leading zero.
    $zero: a zero was passed since the last digit written, so 零 comes
    before the next one.  $group: the current group of four digits has a
    digit other than zero, so its unit (万, 亿) is written at its end; a
    written unit ends the pending zero (壹拾万伍仟), a skipped group keeps it
    (壹亿零伍仟).
  -->
  <xsl:template name="daxie-digits">
    <xsl:param name="s"/>
    <xsl:param name="zero" select="false()"/>
    <xsl:param name="group" select="false()"/>
    <xsl:if test="$s != ''">
      <xsl:variable name="d" select="number(substring($s, 1, 1))"/>
      <xsl:variable name="p" select="string-length($s) - 1"/>
      <xsl:variable name="g" select="$group or $d != 0"/>
      <xsl:variable name="end-of-group" select="$p mod 4 = 0 and $p &gt; 0"/>
      <xsl:if test="$d != 0">
        <xsl:if test="$zero">零</xsl:if>
        <xsl:value-of select="substring('壹贰叁肆伍陆柒捌玖', $d, 1)"/>
        <xsl:choose>
          <xsl:when test="$p mod 4 = 1">拾</xsl:when>
          <xsl:when test="$p mod 4 = 2">佰</xsl:when>
          <xsl:when test="$p mod 4 = 3">仟</xsl:when>
        </xsl:choose>
      </xsl:if>
      <xsl:if test="$end-of-group and $g">
        <xsl:choose>
          <xsl:when test="$p = 4">万</xsl:when>
          <xsl:when test="$p = 8">亿</xsl:when>
        </xsl:choose>
      </xsl:if>
      <xsl:call-template name="daxie-digits">
        <xsl:with-param name="s" select="substring($s, 2)"/>
        <xsl:with-param name="zero"
                        select="$d = 0 and not($end-of-group and $g)"/>
        <xsl:with-param name="group" select="$g and not($end-of-group)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
