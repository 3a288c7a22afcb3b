<?xml version="1.0" encoding="UTF-8"?>
<!--
  Prints, for each <n> of amounts.xml, the yuan, the 万元 figure, the yuan
  figure and the capital-number words made by the templates of
  claim-form.xsl, tab-separated; amounts.expected holds what they must be
  (computed independently, in exact integer arithmetic):

    xsltproc tests/data/claim-form/amounts-check.xsl tests/data/claim-form/amounts.xml |
      diff tests/data/claim-form/amounts.expected -
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../../../templates/claim-form.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="/amounts/n">
      <xsl:value-of select="."/>
      <xsl:text>&#9;</xsl:text>
      <xsl:call-template name="wan">
        <xsl:with-param name="yuan" select="string(.)"/>
      </xsl:call-template>
      <xsl:text>&#9;</xsl:text>
      <xsl:call-template name="yuan">
        <xsl:with-param name="yuan" select="string(.)"/>
      </xsl:call-template>
      <xsl:text>&#9;</xsl:text>
      <xsl:call-template name="daxie">
        <xsl:with-param name="yuan" select="string(.)"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
