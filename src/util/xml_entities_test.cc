#include "util/xml_entities.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(XmlEntitiesTest, PredefinedAndNumericReferences) {
  EXPECT_EQ(DecodeXmlEntities("Tom &amp; Jerry &lt;b&gt; &quot;x&quot; &apos;y&apos;"), "Tom & Jerry <b> \"x\" 'y'");
  EXPECT_EQ(DecodeXmlEntities("caf&#233; &#xE9;t&#xe9; &#8212; &#x1F600;"), "caf\xC3\xA9 \xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80");
}

TEST(XmlEntitiesTest, WhatIsNoEntityStaysAsWritten) {
  EXPECT_EQ(DecodeXmlEntities("AT&T; R&D"), "AT&T; R&D");
  EXPECT_EQ(DecodeXmlEntities("&#; &#x; &#12a; &#x110000; &"), "&#; &#x; &#12a; &#x110000; &");
  EXPECT_EQ(DecodeXmlEntities("a & b ;"), "a & b ;");
  EXPECT_EQ(DecodeXmlEntities(""), "");
}

}  // namespace
}  // namespace dyad
