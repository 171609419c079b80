/**
 * Catalogue: the district's template of service items (政务服务事项 and 代办事项) with their guides
 * (办事指南), each center's adoption of them (handled here or by proxy, local window and phone),
 * referrals for the certificates communities must not issue, and search the way residents talk.
 *
 * <p><b>Why these libraries.</b> Chinese has no spaces, so the search never cuts text by hand:
 * Lucene's {@code smartcn} analyzer (a hidden-Markov-model segmenter with a bundled dictionary,
 * maintained with Lucene) finds word boundaries, which is how filler words of a question (我的, 怎么)
 * are dropped without cutting real words, and how an item's name is split into the words its pinyin
 * keys are built from. {@code pinyin4j} gives every toneless reading of a character, so "shebaoka",
 * "sbk" and the homophone typo 低宝 find 社保 items, and polyphones (长, 重) never hide a match. HanLP
 * would also do both, but its portable model is several times larger and its segmentation is not
 * needed beyond what smartcn gives; Lucene's full index and BM25 scoring were not needed either: a
 * district's catalogue is a few hundred items, scored in memory in well under a millisecond (see
 * docs/benchmarks.md), and coverage scoring (how much of the query an item explains) ranks short
 * colloquial queries better than term frequencies do.
 *
 * <p>The search index lives in memory on every instance and is rebuilt when the catalogue's revision
 * (one row, bumped by every edit in the same transaction) changes; each instance polls it every
 * second, so an edit reaches search on all instances within seconds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package org.linli.catalog;
