// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "editor/highlighter.h"
#include "testenv.h"
#include "editor/yamlhighlighter.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPalette>
#include <QRandomGenerator>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <yaml-cpp/yaml.h>

#include <cmath>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster::Ui;
using Kind = YamlHighlighter::Kind;
using Language = Highlighter::Language;

namespace {

// One letter per format in the expectation masks; ' ' means "no format".
const QList<QPair<QChar, Kind>> s_letters {
    {u'k', Kind::Key},
    {u's', Kind::String},
    {u'e', Kind::Escape},
    {u'n', Kind::Number},
    {u'b', Kind::Constant},
    {u'c', Kind::Comment},
    {u'a', Kind::Anchor},
    {u'l', Kind::Alias},
    {u't', Kind::Tag},
    {u'd', Kind::DocumentMarker},
    {u'i', Kind::Indicator},
    {u'x', Kind::Error},
};

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::WindowText, Qt::black);
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Window, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    return p;
}

// A mid-grey base on which neither the light nor the dark colours are readable as they are.
QPalette greyPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Text, Qt::black);
    return p;
}

qreal relativeLuminance(const QColor &c)
{
    const auto f
        = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.redF()) + 0.7152 * f(c.greenF()) + 0.0722 * f(c.blueF());
}

qreal contrastRatio(const QColor &a, const QColor &b)
{
    const qreal x = relativeLuminance(a.toRgb());
    const qreal y = relativeLuminance(b.toRgb());
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

// The format the highlighter put on character `pos` of `block` (invalid when none).
QTextCharFormat formatAt(const QTextBlock &block, int pos)
{
    QTextCharFormat result;
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (pos >= range.start && pos < range.start + range.length)
            result = range.format;
    }
    return result;
}

QString kindName(const YamlHighlighter &h, const QTextCharFormat &format)
{
    if (!format.isValid() || format.properties().isEmpty())
        return QStringLiteral("none");
    for (const auto &[letter, kind] : s_letters) {
        if (h.formatFor(kind) == format)
            return QString(letter);
    }
    return QStringLiteral("unknown format");
}

struct JsonCounts
{
    int keys = 0;
    int numbers = 0;
    int constants = 0;
};

void countJson(const QJsonValue &value, JsonCounts &counts)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        counts.keys += int(object.size());
        for (auto it = object.begin(); it != object.end(); ++it)
            countJson(it.value(), counts);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            countJson(item, counts);
    } else if (value.isDouble()) {
        ++counts.numbers;
    } else if (value.isBool() || value.isNull()) {
        ++counts.constants;
    }
}

void setBlockStyle(YAML::Node node)
{
    if (!node.IsMap() && !node.IsSequence())
        return;
    node.SetStyle(YAML::EmitterStyle::Block);
    for (auto it = node.begin(); it != node.end(); ++it)
        setBlockStyle(node.IsMap() ? it->second : *it);
}

// How many separate runs of `format` the highlighter left in `document`.
int countRuns(const QTextDocument &document, const QTextCharFormat &format)
{
    int runs = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
        for (const QTextLayout::FormatRange &range : ranges) {
            if (range.format == format)
                ++runs;
        }
    }
    return runs;
}

} // namespace

class tst_Highlighter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formats_data();
    void formats();
    void reactsToEdits();
    void incrementalMatchesFullOnRandomEdits_data();
    void incrementalMatchesFullOnRandomEdits();
    void realKubernetesDocuments_data();
    void realKubernetesDocuments();
    void paletteColours_data();
    void paletteColours();
    void factory();
};

void tst_Highlighter::formats_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("masks");

    const auto yaml = [](const char *name, QStringList lines, QStringList masks) {
        QTest::newRow(name) << Language::Yaml << lines << masks;
    };
    const auto json = [](const char *name, QStringList lines, QStringList masks) {
        QTest::newRow(name) << Language::Json << lines << masks;
    };
    const auto L = [](const char *s) { return QString::fromUtf8(s); };

    yaml("key and plain value", {L("apiVersion: v1")}, {L("kkkkkkkkkki")});
    yaml("nested key", {L("  name: web-1")}, {L("  kkkki")});
    yaml("plain value with colon and hash", {L("image: nginx:1.25#x")}, {L("kkkkki")});
    yaml("list dash", {L("- name: a"), L("  - b")}, {L("i kkkki"), L("  i")});
    yaml("double quoted", {L("a: \"x # y\"")}, {L("ki sssssss")});
    yaml(
        "double quoted escapes", {L("a: \"t\\\"\\n\\x41\\u00e9z\"")}, {L("ki sseeeeeeeeeeeeeess")});
    yaml("single quoted escape", {L("a: 'it''s'")}, {L("ki ssseess")});
    yaml("quoted keys", {L("\"a b\": 1"), L("'c': x")}, {L("kkkkki n"), L("kkki")});
    yaml("integers",
        {L("a: 42"), L("b: -7"), L("c: 0x1F"), L("d: 0o17"), L("e: 017"), L("f: 1_000"),
            L("g: 0b101")},
        {L("ki nn"), L("ki nn"), L("ki nnnn"), L("ki nnnn"), L("ki nnn"), L("ki nnnnn"),
            L("ki nnnnn")});
    yaml("floats",
        {L("a: 1.5"), L("b: -2.5e+3"), L("c: .5"), L("d: .inf"), L("e: -.Inf"), L("f: .NaN"),
            L("g: 1e3")},
        {L("ki nnn"), L("ki nnnnnnn"), L("ki nn"), L("ki nnnn"), L("ki nnnnn"), L("ki nnnn"),
            L("ki nnn")});
    yaml("not numbers", {L("a: 1.2.3"), L("b: 0xZZ"), L("c: 12abc"), L("d: .in"), L("e: _1")},
        {L("ki"), L("ki"), L("ki"), L("ki"), L("ki")});
    yaml("booleans and null", {L("a: true"), L("b: False"), L("c: NULL"), L("d: ~"), L("e: null")},
        {L("ki bbbb"), L("ki bbbbb"), L("ki bbbb"), L("ki b"), L("ki bbbb")});
    // Kubernetes (sigs.k8s.io/yaml on go-yaml v2) resolves these YAML 1.1 words to booleans.
    yaml("yaml 1.1 booleans", {L("a: yes"), L("b: No"), L("c: ON"), L("d: off"), L("e: y")},
        {L("ki bbb"), L("ki bb"), L("ki bb"), L("ki bbb"), L("ki b")});
    yaml("not booleans", {L("a: yEs"), L("b: true story"), L("c: nope"), L("d: \"true\"")},
        {L("ki"), L("ki"), L("ki"), L("ki ssssss")});
    yaml("comments", {L("# top"), L("a: b # c"), L("a: b#c"), L("  # indented")},
        {L("ccccc"), L("ki   ccc"), L("ki"), L("  cccccccccc")});
    yaml("hash inside strings is not a comment", {L("a: 'x # y' # z"), L("b: \"#\"")},
        {L("ki sssssss ccc"), L("ki sss")});
    yaml("anchors aliases merge", {L("base: &base"), L("  x: 1"), L("other:"), L("  <<: *base")},
        {L("kkkki aaaaa"), L("  ki n"), L("kkkkki"), L("  kki lllll")});
    yaml("tags", {L("a: !!str 123"), L("b: !local x"), L("--- !!map")},
        {L("ki ttttt nnn"), L("ki tttttt"), L("ddd ttttt")});
    yaml("document markers", {L("---"), L("a: 1"), L("..."), L("--- # next"), L("----")},
        {L("ddd"), L("ki n"), L("ddd"), L("ddd cccccc"), L("")});
    yaml("directive", {L("%YAML 1.2"), L("---")}, {L("ddddddddd"), L("ddd")});
    yaml("flow collections", {L("ports: [80, 443]"), L("labels: {app: web, tier: \"db\"}")},
        {L("kkkkki  nn  nnn"), L("kkkkkki  kkki      kkkki ssss")});
    yaml("json-like flow keys", {L("{\"a\":1, \"b\": [true]}")}, {L(" kkkin  kkki  bbbb")});
    yaml("flow collection across lines", {L("args: ["), L("  --verbose,"), L("  3]"), L("x: 1")},
        {L("kkkki"), L(""), L("  n"), L("ki n")});
    yaml("literal block scalar",
        {L("data: |"), L("  line: one # not a comment"), L("  \"two\""), L(""), L("    three"),
            L("next: 1")},
        {L("kkkki i"), L("  sssssssssssssssssssssssss"), L("  sssss"), L(""), L("  sssssss"),
            L("kkkki n")});
    yaml("folded block scalar with indicators and comment",
        {L("script: >-2 # keep"), L("    a: b"), L("  c"), L("d: 1")},
        {L("kkkkkki iii cccccc"), L("  ssssss"), L("  s"), L("ki n")});
    yaml("block scalar in a list item",
        {L("- name: x"), L("  command: |"), L("    echo hi"), L("  args: []")},
        {L("i kkkki"), L("  kkkkkkki i"), L("    sssssss"), L("  kkkki")});
    yaml("block scalar after dash", {L("- |"), L(" text"), L("- b")},
        {L("i i"), L(" ssss"), L("i")});
    yaml("empty block scalar", {L("a: |"), L("b: 1")}, {L("ki i"), L("ki n")});
    yaml("block scalar ended by document marker", {L("--- |"), L("text"), L("---"), L("a: 1")},
        {L("ddd i"), L("ssss"), L("ddd"), L("ki n")});
    yaml("multi-line double quoted", {L("a: \"one"), L("  two\\t"), L("  three\" # c"), L("b: 1")},
        {L("ki ssss"), L("  sssee"), L("  ssssss ccc"), L("ki n")});
    yaml("windows line endings", {L("a: 1\r"), L("b: |\r"), L("  x\r"), L("c: 'q'\r")},
        {L("ki n"), L("ki i"), L("  s"), L("ki sss")});
    yaml("tabs in indentation",
        {L("\tkey: 1"), L("key:\tvalue"), L("  \t- a"), L("a: |"), L("\tb")},
        {L("xkkki n"), L("kkki"), L("  xi"), L("ki i"), L("x")});
    yaml("complex key", {L("? key"), L(": value")}, {L("i kkk"), L("i")});

    json("json object",
        {L("{"), L("  \"kind\": \"Pod\","), L("  \"n\": -1.5e3,"),
            L("  \"ok\": [true, false, null],"), L("  \"esc\": \"a\\\"b\\u0041\""), L("}")},
        {L(""), L("  kkkkkk  sssss"), L("  kkk  nnnnnn"), L("  kkkk   bbbb  bbbbb  bbbb"),
            L("  kkkkk  sseeseeeeees"), L("")});
    json("json has no comments or yaml words", {L("{\"a\": yes, \"b\": \"#x\", \"c\": 01}")},
        {L(" kkk       kkk  ssss  kkk")});
    json("json numbers", {L("[0, -0, 10, 1.0, 1e-7, 2E+2, -3.25e10]")},
        {L(" n  nn  nn  nnn  nnnn  nnnn  nnnnnnnn")});
}

void tst_Highlighter::formats()
{
    QFETCH(Language, language);
    QFETCH(QStringList, lines);
    QFETCH(QStringList, masks);
    QCOMPARE(masks.size(), lines.size());

    // The same formats are applied whatever the palette; only their colours differ.
    for (const QPalette &palette : {lightPalette(), darkPalette()}) {
        QTextDocument document;
        document.setPlainText(lines.join(u'\n'));
        YamlHighlighter highlighter(&document, language, palette);
        highlighter.rehighlight();

        for (int line = 0; line < lines.size(); ++line) {
            const QTextBlock block = document.findBlockByNumber(line);
            QVERIFY(block.isValid());
            const QString mask = masks.at(line);
            QVERIFY2(mask.size() <= lines.at(line).size(), qPrintable(mask));
            for (int pos = 0; pos < lines.at(line).size(); ++pos) {
                const QChar letter = pos < mask.size() ? mask.at(pos) : u' ';
                const QString expected = letter == u' ' ? QStringLiteral("none") : QString(letter);
                const QString actual = kindName(highlighter, formatAt(block, pos));
                if (actual != expected) {
                    QFAIL(qPrintable(QStringLiteral(
                        "%1 palette, line %2 \"%3\" column %4 ('%5'): expected %6, got %7")
                                         .arg(palette == lightPalette() ? QStringLiteral("light")
                                                                        : QStringLiteral("dark"))
                                         .arg(line + 1)
                                         .arg(lines.at(line))
                                         .arg(pos)
                                         .arg(lines.at(line).at(pos))
                                         .arg(expected, actual)));
                }
            }
        }
    }
}

void tst_Highlighter::reactsToEdits()
{
    QTextDocument document;
    document.documentLayout(); // a document reports edits (and so is re-highlighted) once laid out
    document.setPlainText(QStringLiteral("a: 1\nb: x\nc: 2"));
    YamlHighlighter highlighter(&document, Language::Yaml, lightPalette());
    highlighter.rehighlight();
    const QTextBlock last = document.findBlockByNumber(2);
    QCOMPARE(kindName(highlighter, formatAt(last, 0)), QStringLiteral("k"));

    // Turning the second line into a block scalar header makes the third line its content.
    QTextCursor cursor(document.findBlockByNumber(1));
    cursor.movePosition(QTextCursor::EndOfBlock);
    cursor.movePosition(QTextCursor::PreviousCharacter, QTextCursor::KeepAnchor);
    cursor.insertText(QStringLiteral("|"));
    cursor.movePosition(QTextCursor::NextBlock);
    cursor.insertText(QStringLiteral("  "));
    QCOMPARE(document.toPlainText(), QStringLiteral("a: 1\nb: |\n  c: 2"));
    QCOMPARE(
        kindName(highlighter, formatAt(document.findBlockByNumber(2), 2)), QStringLiteral("s"));
    QCOMPARE(
        kindName(highlighter, formatAt(document.findBlockByNumber(2), 5)), QStringLiteral("s"));

    // And removing the indentation ends the block scalar again.
    cursor.movePosition(QTextCursor::StartOfBlock);
    cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor, 2);
    cursor.removeSelectedText();
    QCOMPARE(
        kindName(highlighter, formatAt(document.findBlockByNumber(2), 0)), QStringLiteral("k"));
    QCOMPARE(
        kindName(highlighter, formatAt(document.findBlockByNumber(2), 3)), QStringLiteral("n"));
}

void tst_Highlighter::incrementalMatchesFullOnRandomEdits_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 4u}) {
        QTest::addRow("yaml %u", seed) << Language::Yaml << seed;
        QTest::addRow("json %u", seed) << Language::Json << seed;
    }
}

// Random YAML-ish text edited at random places: the formats left by incremental re-highlighting
// stay inside their lines, are known formats, and equal those of highlighting the final text
// from scratch (so the state carried between lines is always right).
void tst_Highlighter::incrementalMatchesFullOnRandomEdits()
{
    QFETCH(Language, language);
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const QString alphabet = QStringLiteral("  \t\n\n:-?|>#&*!'\"[]{},.%~019aeEx+\\");
    const QStringList pieces {QStringLiteral("key: "), QStringLiteral("- "),
        QStringLiteral("---\n"), QStringLiteral("  "), QStringLiteral("|\n    "),
        QStringLiteral("\"a\\\"b\" "), QStringLiteral("'it''s' "), QStringLiteral("# c\n"),
        QStringLiteral("&a "), QStringLiteral("*a "), QStringLiteral("!!str "),
        QStringLiteral("[1, {b: 2}] "), QStringLiteral("0x1F "), QStringLiteral("true ")};
    const auto randomText = [&](int length) {
        QString text;
        while (text.size() < length) {
            if (random.bounded(3) == 0)
                text += pieces.at(random.bounded(int(pieces.size())));
            else
                text += alphabet.at(random.bounded(int(alphabet.size())));
        }
        return text;
    };

    QTextDocument document;
    document.documentLayout();
    document.setPlainText(randomText(3000));
    YamlHighlighter incremental(&document, language, lightPalette());
    incremental.rehighlight();
    for (int edit = 0; edit < 300; ++edit) {
        QTextCursor cursor(&document);
        const int size = document.characterCount() - 1;
        cursor.setPosition(random.bounded(size + 1));
        if (random.bounded(2) == 0 && size > 0) {
            cursor.setPosition(std::min(size, cursor.position() + 1 + int(random.bounded(20))),
                QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
        } else {
            cursor.insertText(randomText(1 + random.bounded(30)));
        }
    }

    QTextDocument fresh;
    fresh.setPlainText(document.toPlainText());
    YamlHighlighter full(&fresh, language, lightPalette());
    full.rehighlight();

    QCOMPARE(fresh.blockCount(), document.blockCount());
    for (QTextBlock a = document.begin(), b = fresh.begin(); a.isValid();
         a = a.next(), b = b.next()) {
        const QList<QTextLayout::FormatRange> ranges = a.layout()->formats();
        for (const QTextLayout::FormatRange &range : ranges) {
            QVERIFY(range.start >= 0 && range.length > 0);
            QVERIFY(range.start + range.length <= a.length() - 1);
            QVERIFY2(kindName(incremental, range.format) != QStringLiteral("unknown format"),
                qPrintable(a.text()));
        }
        for (int pos = 0; pos < a.length() - 1; ++pos) {
            if (kindName(incremental, formatAt(a, pos)) != kindName(full, formatAt(b, pos))) {
                QFAIL(qPrintable(QStringLiteral("line %1 \"%2\" column %3: %4 after edits, %5 "
                                                "from scratch")
                                     .arg(a.blockNumber() + 1)
                                     .arg(a.text())
                                     .arg(pos)
                                     .arg(kindName(incremental, formatAt(a, pos)),
                                         kindName(full, formatAt(b, pos)))));
            }
        }
    }
}

void tst_Highlighter::realKubernetesDocuments_data()
{
    QTest::addColumn<QString>("file");
    const QString dir = Qluster::Test::apiCorpus();
    QTest::newRow("deployment") << dir
            + QStringLiteral("/real-1.22/responses/strategic_patch_dryrun_result.json");
    QTest::newRow("table") << dir
            + QStringLiteral("/real-1.22/responses/table_deployments_default.json");
    QTest::newRow("status 422") << dir
            + QStringLiteral("/real-1.22/responses/status_422_invalid.json");
    QTest::newRow("aggregated discovery") << dir + QStringLiteral("/discovery/aggregated_v2.json");
    QTest::newRow("openapi apiextensions")
        << dir + QStringLiteral("/openapi/v3/apis__apiextensions.k8s.io__v1_openapi.json");
}

// Real API objects, as JSON and as the YAML yaml-cpp writes for them: every mapping key is
// highlighted as one key, and in JSON every number and every true/false/null as such.
void tst_Highlighter::realKubernetesDocuments()
{
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    const QByteArray raw = f.readAll();
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(raw, &error);
    QVERIFY2(!json.isNull(), qPrintable(error.errorString()));
    JsonCounts expected;
    countJson(json.isObject() ? QJsonValue(json.object()) : QJsonValue(json.array()), expected);
    QVERIFY(expected.keys > 5);

    QTextDocument jsonDocument;
    jsonDocument.setPlainText(QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
    YamlHighlighter jsonHighlighter(&jsonDocument, Language::Json, lightPalette());
    jsonHighlighter.rehighlight();
    QCOMPARE(countRuns(jsonDocument, jsonHighlighter.formatFor(Kind::Key)), expected.keys);
    QCOMPARE(countRuns(jsonDocument, jsonHighlighter.formatFor(Kind::Number)), expected.numbers);
    QCOMPARE(
        countRuns(jsonDocument, jsonHighlighter.formatFor(Kind::Constant)), expected.constants);

    // yaml-cpp keeps the JSON's flow style; write it once like that and once in block style.
    for (const auto style : {YAML::EmitterStyle::Flow, YAML::EmitterStyle::Block}) {
        std::string yaml;
        try {
            YAML::Node node = YAML::Load(raw.toStdString());
            if (style == YAML::EmitterStyle::Block)
                setBlockStyle(node);
            YAML::Emitter out;
            out << node;
            yaml = out.c_str();
        } catch (const YAML::Exception &e) {
            QFAIL(e.what());
        }
        QTextDocument yamlDocument;
        yamlDocument.setPlainText(QString::fromStdString(yaml));
        QCOMPARE(yamlDocument.blockCount() > 1, style == YAML::EmitterStyle::Block);
        YamlHighlighter yamlHighlighter(&yamlDocument, Language::Yaml, lightPalette());
        yamlHighlighter.rehighlight();
        QCOMPARE(countRuns(yamlDocument, yamlHighlighter.formatFor(Kind::Key)), expected.keys);
        QCOMPARE(countRuns(yamlDocument, yamlHighlighter.formatFor(Kind::Comment)), 0);
    }
}

void tst_Highlighter::paletteColours_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << lightPalette() << false;
    QTest::newRow("dark") << darkPalette() << true;
    QTest::newRow("mid grey") << greyPalette() << false;
}

void tst_Highlighter::paletteColours()
{
    QFETCH(QPalette, palette);
    QFETCH(bool, dark);

    QTextDocument document;
    document.setPlainText(QStringLiteral("key: \"value\" # comment"));
    YamlHighlighter highlighter(&document, Language::Yaml, palette);
    highlighter.rehighlight();

    const QColor base = palette.color(QPalette::Base);
    QList<QColor> seen;
    for (const auto &[letter, kind] : s_letters) {
        const QColor fg = highlighter.formatFor(kind).foreground().color();
        QVERIFY2(contrastRatio(fg, base) >= 4.5,
            qPrintable(QStringLiteral("%1 (%2) on %3: contrast %4")
                           .arg(letter)
                           .arg(fg.name(), base.name())
                           .arg(contrastRatio(fg, base))));
        if (dark)
            QVERIFY2(fg.lightness() > base.lightness(), qPrintable(QString(letter)));
        seen << fg;
    }
    // Keys, strings, numbers, constants and comments look different from each other.
    const QList<Kind> distinct {Kind::Key, Kind::String, Kind::Number, Kind::Constant,
        Kind::Comment, Kind::Tag, Kind::Anchor, Kind::DocumentMarker};
    for (int i = 0; i < distinct.size(); ++i) {
        for (int j = i + 1; j < distinct.size(); ++j) {
            QVERIFY(highlighter.formatFor(distinct.at(i)).foreground()
                != highlighter.formatFor(distinct.at(j)).foreground());
        }
    }

    // The document is highlighted with these colours.
    const QTextBlock block = document.firstBlock();
    QCOMPARE(formatAt(block, 0), highlighter.formatFor(Kind::Key));
    QCOMPARE(formatAt(block, 6), highlighter.formatFor(Kind::String));
    QCOMPARE(formatAt(block, 16), highlighter.formatFor(Kind::Comment));

    // Switching palettes recolours the document.
    const QPalette other = dark ? lightPalette() : darkPalette();
    const QColor before = highlighter.formatFor(Kind::Key).foreground().color();
    highlighter.setPalette(other);
    QVERIFY(highlighter.formatFor(Kind::Key).foreground().color() != before);
    QCOMPARE(formatAt(document.firstBlock(), 0), highlighter.formatFor(Kind::Key));
}

void tst_Highlighter::factory()
{
    QTextDocument document;
    document.setPlainText(QStringLiteral("{\"a\": 1}"));
    QObject owner;
    QSyntaxHighlighter *h = Highlighter::create(&document, Language::Json, darkPalette(), &owner);
    QVERIFY(h);
    QCOMPARE(h->parent(), &owner);
    QCOMPARE(h->document(), &document);
    QVERIFY(!Highlighter::backendName().isEmpty());
    // The backend CMake chose and reported.
    QCOMPARE(Highlighter::backendName(), QStringLiteral(QLUSTER_EXPECTED_HIGHLIGHTER_BACKEND));
    if (Highlighter::backend() == Highlighter::Backend::BuiltIn) {
        auto *builtIn = qobject_cast<YamlHighlighter *>(h);
        QVERIFY(builtIn);
        QCOMPARE(builtIn->language(), Language::Json);
        h->rehighlight();
        QCOMPARE(formatAt(document.firstBlock(), 1), builtIn->formatFor(Kind::Key));
        QCOMPARE(formatAt(document.firstBlock(), 6), builtIn->formatFor(Kind::Number));
        const QColor darkKey = builtIn->formatFor(Kind::Key).foreground().color();
        Highlighter::setPalette(h, lightPalette());
        QVERIFY(builtIn->formatFor(Kind::Key).foreground().color() != darkKey);
    }
    // Without a parent the highlighter belongs to the document.
    auto *owned = Highlighter::create(&document, Language::Yaml);
    QCOMPARE(owned->parent(), &document);
}

QTEST_MAIN(tst_Highlighter)
#include "tst_highlighter.moc"
