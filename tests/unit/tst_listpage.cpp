// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "api/listpage.h"
#include "testenv.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;

namespace {

QByteArray response(const char *name)
{
    QFile file(Qluster::Test::corpus(QStringLiteral("/real-1.22/responses/")) + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QStringList columnNames(const QList<TableColumn> &columns)
{
    QStringList out;
    for (const TableColumn &c : columns)
        out.append(c.name);
    return out;
}

// Equal pages, cells of the same types too (QVariant's == compares 3 and 3.0 as equal).
bool samePage(const ListPage &a, const ListPage &b)
{
    if (!(a == b))
        return false;
    for (size_t i = 0; i < a.items.size(); ++i) {
        for (qsizetype c = 0; c < a.items[i].cells.size(); ++c) {
            if (a.items[i].cells.at(c).typeId() != b.items[i].cells.at(c).typeId())
                return false;
        }
    }
    return true;
}

} // namespace

class tst_ListPage final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tableColumns_data();
    void tableColumns();
    void tableRowsWithMetadata();
    void crdPrinterColumns();
    void tableContinue();
    void plainListContinue();
    void rowWithoutObjectTakesNameCell();
    void statusBecomesError();
    void notAList();
    void peekContinue_data();
    void peekContinue();
    void peekContinueOnEveryPrefix_data();
    void peekContinueOnEveryPrefix();
    void readerMatchesDocument_data();
    void readerMatchesDocument();
    void readerNeverDisagreesWithDocument_data();
    void readerNeverDisagreesWithDocument();
    void timestamps_data();
    void timestamps();
};

void tst_ListPage::tableColumns_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("wideFrom"); // index of the first priority>0 column, -1 if none

    QTest::newRow("deployments") << "table_deployments_default.json"
                                 << QStringList{QStringLiteral("Name"), QStringLiteral("Ready"),
                                                QStringLiteral("Up-to-date"), QStringLiteral("Available"),
                                                QStringLiteral("Age"), QStringLiteral("Containers"),
                                                QStringLiteral("Images"), QStringLiteral("Selector")}
                                 << 5;
    QTest::newRow("configmaps") << "table_configmaps_limit2_continue.json"
                                << QStringList{QStringLiteral("Name"), QStringLiteral("Data"),
                                               QStringLiteral("Age")}
                                << -1;
}

void tst_ListPage::tableColumns()
{
    QFETCH(QString, file);
    QFETCH(QStringList, names);
    QFETCH(int, wideFrom);
    auto page = decodeListPage(response(qPrintable(file)), file);
    if (!page)
        QFAIL(qPrintable(page.error().toString()));
    QVERIFY(page->isTable);
    QCOMPARE(columnNames(page->columns), names);
    QCOMPARE(page->columns.first().format, QStringLiteral("name"));
    QCOMPARE(page->columns.first().type, QStringLiteral("string"));
    for (int i = 0; i < page->columns.size(); ++i)
        QCOMPARE(page->columns.at(i).priority, (wideFrom >= 0 && i >= wideFrom) ? 1 : 0);
    QCOMPARE(page->resourceVersion, QStringLiteral("356"));
}

void tst_ListPage::tableRowsWithMetadata()
{
    auto page = decodeListPage(response("table_deployments_includeObject_Metadata.json"), QStringLiteral("t"));
    if (!page)
        QFAIL(qPrintable(page.error().toString()));
    QCOMPARE(page->items.size(), size_t(2));
    const ResourceObject &api = page->items.at(0);
    QCOMPARE(api.metadata.name, QStringLiteral("api"));
    QCOMPARE(api.metadata.namespaceName, QStringLiteral("demo"));
    QCOMPARE(api.metadata.resourceVersion, QStringLiteral("347"));
    QCOMPARE(api.metadata.labels.value(QStringLiteral("app")), QStringLiteral("api"));
    QVERIFY(!api.metadata.uid.isEmpty());
    QVERIFY(api.metadata.creationTimestamp.isValid());
    QCOMPARE(api.key(), QStringLiteral("demo/api"));
    QCOMPARE(api.cells.size(), 8);
    QCOMPARE(api.cells.at(1).toString(), QStringLiteral("0/1"));
    QCOMPARE(api.cells.at(2).toInt(), 0);
    QCOMPARE(api.cells.at(6).toString(), QStringLiteral("ghcr.io/example/api:2.1"));
    QCOMPARE(page->items.at(1).metadata.name, QStringLiteral("web"));
    QCOMPARE(page->continueToken, QString());
    QCOMPARE(page->remainingItemCount, -1);
}

void tst_ListPage::crdPrinterColumns()
{
    auto page = decodeListPage(response("table_crd_widgets_printer_columns.json"), QStringLiteral("t"));
    if (!page)
        QFAIL(qPrintable(page.error().toString()));
    QCOMPARE(columnNames(page->columns),
             (QStringList{QStringLiteral("Name"), QStringLiteral("Size"), QStringLiteral("Color"),
                          QStringLiteral("Age")}));
    QCOMPARE(page->columns.at(1).type, QStringLiteral("integer"));
    QCOMPARE(page->columns.at(3).type, QStringLiteral("date"));
    QCOMPARE(page->columns.at(1).description,
             QStringLiteral("Custom resource definition column (in JSONPath format): .spec.size"));
    QCOMPARE(page->items.size(), size_t(1));
    QCOMPARE(page->items.at(0).cells.at(1).toInt(), 3);
    QCOMPARE(page->items.at(0).cells.at(2).toString(), QStringLiteral("red"));
    QCOMPARE(page->items.at(0).metadata.generation, 1);
}

void tst_ListPage::tableContinue()
{
    auto page = decodeListPage(response("table_configmaps_limit2_continue.json"), QStringLiteral("t"));
    if (!page)
        QFAIL(qPrintable(page.error().toString()));
    QCOMPARE(page->items.size(), size_t(2));
    QCOMPARE(page->continueToken,
             QStringLiteral("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MzU2LCJzdGFydCI6ImNmZy0yXHUwMDAwIn0"));
    QCOMPARE(page->remainingItemCount, 1);
}

void tst_ListPage::plainListContinue()
{
    auto page = decodeListPage(response("list_configmaps_limit2_continue.json"), QStringLiteral("l"));
    if (!page)
        QFAIL(qPrintable(page.error().toString()));
    QVERIFY(!page->isTable);
    QVERIFY(page->columns.isEmpty());
    QCOMPARE(page->items.size(), size_t(2));
    QCOMPARE(page->items.at(0).metadata.name, QStringLiteral("cfg-1"));
    QCOMPARE(page->items.at(1).metadata.resourceVersion, QStringLiteral("349"));
    QVERIFY(page->items.at(0).cells.isEmpty());
    QCOMPARE(page->resourceVersion, QStringLiteral("356"));
    QVERIFY(!page->continueToken.isEmpty());
    QCOMPARE(page->remainingItemCount, 1);
}

void tst_ListPage::rowWithoutObjectTakesNameCell()
{
    const QByteArray body = R"({"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"9"},
        "columnDefinitions":[{"name":"Status","type":"string","format":"","priority":0},
                             {"name":"Name","type":"string","format":"name","priority":0}],
        "rows":[{"cells":["Running","p1"]}]})";
    auto page = decodeListPage(body, QStringLiteral("t"));
    if (!page)
        QFAIL(qPrintable(page.error().toString()));
    QCOMPARE(page->items.size(), size_t(1));
    QCOMPARE(page->items.at(0).metadata.name, QStringLiteral("p1"));
}

void tst_ListPage::statusBecomesError()
{
    auto page = decodeListPage(response("status_403_forbidden.json"), QStringLiteral("s"));
    QVERIFY(!page);
    QCOMPARE(page.error().kind, Error::Kind::Http);
    QCOMPARE(page.error().httpStatus, 403);
    QCOMPARE(page.error().reason, QStringLiteral("Forbidden"));
}

void tst_ListPage::notAList()
{
    auto page = decodeListPage(QByteArrayLiteral("{\"kind\":\"Pod\",\"apiVersion\":\"v1\"}"), QStringLiteral("p"));
    QVERIFY(!page);
    QCOMPARE(page.error().kind, Error::Kind::Parse);
    auto broken = decodeListPage(QByteArrayLiteral("{\"kind\":\"Table\",\n\"rows\":[}"), QStringLiteral("b"));
    QVERIFY(!broken);
    QCOMPARE(broken.error().line, 2);
}

void tst_ListPage::peekContinue_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("token");

    QTest::newRow("real table page") << response("table_configmaps_limit2_continue.json") << true
                                     << QStringLiteral("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MzU2LCJzdGFydCI6ImNmZy0yXHUwMDAwIn0");
    QTest::newRow("real list page") << response("list_configmaps_limit2_continue.json") << true
                                    << decodeListPage(response("list_configmaps_limit2_continue.json"), QStringLiteral("t"))->continueToken;
    QTest::newRow("last page") << response("table_deployments_default.json") << true << QString();
    QTest::newRow("items before metadata, tricky strings")
        << QByteArray(R"( {"items":[{"metadata":{"continue":"not-this"},"data":{"a":"}]\"{[","b":"\\"}}],)"
                      R"("kind" : "ConfigMapList","metadata" : {"resourceVersion":"7","continue":"abc\/d\u0065f"}} )")
        << true << QStringLiteral("abc/def");
    QTest::newRow("metadata without continue") << QByteArray(R"({"metadata":{"resourceVersion":"1"},"rows":[]})") << true << QString();
    QTest::newRow("empty object") << QByteArray("{}") << true << QString();
    QTest::newRow("truncated") << QByteArray(R"({"items":[{"a":"b"},)") << false << QString();
    QTest::newRow("truncated string") << QByteArray(R"({"metadata":{"continue":"abc)") << false << QString();
    QTest::newRow("not an object") << QByteArray("[1,2]") << false << QString();
    QTest::newRow("empty") << QByteArray() << false << QString();
    QTest::newRow("continue not a string") << QByteArray(R"({"metadata":{"continue":5}})") << false << QString();
}

void tst_ListPage::peekContinue()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, known);
    QFETCH(QString, token);
    const std::optional<QString> peeked = peekContinueToken(body);
    QCOMPARE(peeked.has_value(), known);
    if (known)
        QCOMPARE(*peeked, token);
}

void tst_ListPage::peekContinueOnEveryPrefix_data()
{
    // The cache peeks at the head of a page while the rest is still arriving, so a body cut at
    // any byte must give "not known yet" (nullopt) until the token is complete, and then the
    // token. Compact re-serialisation sorts the keys (metadata after columnDefinitions), as the
    // sandbox writes them; real apiservers write metadata first.
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("token");

    const auto compact = [](const QByteArray &json) {
        return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
    };
    const QByteArray table = response("table_configmaps_limit2_continue.json");
    const QByteArray list = response("list_configmaps_limit2_continue.json");
    const QString token = decodeListPage(table, QStringLiteral("t"))->continueToken;
    QVERIFY(!token.isEmpty());
    QCOMPARE(decodeListPage(list, QStringLiteral("t"))->continueToken, token);
    QTest::newRow("real table page") << table << token;
    QTest::newRow("real list page") << list << token;
    QTest::newRow("table page, keys sorted") << compact(table) << token;
    QTest::newRow("list page, keys sorted") << compact(list) << token;
    QTest::newRow("last page") << response("table_deployments_default.json") << QString();
}

void tst_ListPage::peekContinueOnEveryPrefix()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, token);
    // Where the answer becomes known: just past the token's closing quote, or (last page) never
    // before the metadata object is closed, which is after its "resourceVersion".
    qsizetype knownFrom = body.size();
    if (!token.isEmpty()) {
        const qsizetype at = body.indexOf(QByteArray('"' + token.toUtf8() + '"'));
        QVERIFY(at > 0);
        knownFrom = at + token.size() + 2;
    }
    qsizetype firstKnown = -1;
    for (qsizetype n = 0; n <= body.size(); ++n) {
        const std::optional<QString> peeked = peekContinueToken(QByteArrayView(body).first(n));
        if (!peeked) {
            if (n >= knownFrom)
                QFAIL(qPrintable(QStringLiteral("not known with %1 of %2 bytes").arg(n).arg(body.size())));
            continue;
        }
        if (*peeked != token)
            QFAIL(qPrintable(QStringLiteral("cut at %1 of %2 bytes gives \"%3\"").arg(n).arg(body.size()).arg(*peeked)));
        if (firstKnown < 0)
            firstKnown = n;
    }
    QVERIFY(firstKnown >= 0);
    if (!token.isEmpty())
        QCOMPARE(firstKnown, knownFrom);
    else
        QVERIFY(firstKnown > body.indexOf("\"resourceVersion\""));
}

namespace {

// A Table that uses what real pages rarely do: escapes, surrogate pairs, non-ASCII text, numbers
// of every kind, structured cells, duplicate keys, a row without object.
const char kTrickyTable[] = R"({"kind":"Table","apiVersion":"meta.k8s.io/v1",
 "metadata":{"resourceVersion":"5","remainingItemCount":0},
 "columnDefinitions":[{"name":"Name","type":"string","format":"name","description":"n","priority":0},
                      {"name":"Text","type":"string","format":"","priority":1}],
 "rows":[
  {"cells":["a\u0026b \ud83d\ude00 \"q\" \\ \/ \t\n\b\f\r", 1, -2.5, 1e3, 1E-2, true, false, null,
            {"k":[1,"x"]}, [1,2], 9223372036854775807, 9223372036854775808, -0, 0.5e+1, "名前",
            1.0, -0.0, -9223372036854775809, 4503599627370497.0, 1e19, 123456789012345678901234567890],
   "conditions":null,
   "object":{"kind":"PartialObjectMetadata","metadata":{"name":"n1","namespace":"ns","uid":"u1",
     "resourceVersion":"7","labels":{"a":"1","a":"2","b":"x\u00e9"},"annotations":{"z":"{\"y\":1}"},
     "ownerReferences":[{"apiVersion":"v1","kind":"K","name":"o","uid":"u","controller":true,"x":[]}],
     "creationTimestamp":"2024-02-29T23:59:59Z","deletionTimestamp":null,"generation":3,
     "managedFields":[{"manager":"m","fieldsV1":{"f:spec":{}}}]}}},
  {"cells":["no-object","t"]},
  {"cells":["null-object","t"],"object":null},
  {"cells":[],"object":{"metadata":{"name":"first"},"metadata":{"name":"second"}}}
 ]})";

} // namespace

void tst_ListPage::readerMatchesDocument_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("direct"); // readListPage is expected to take it

    const auto compact = [](const QByteArray &json) {
        return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
    };
    for (const char *file : {"table_deployments_includeObject_Metadata.json", "table_deployments_default.json",
                             "table_configmaps_limit2_continue.json", "table_crd_widgets_printer_columns.json",
                             "list_configmaps_limit2_continue.json"}) {
        QTest::newRow(file) << response(file) << true;
        QTest::newRow(qPrintable(QStringLiteral("%1, keys sorted").arg(QLatin1String(file)))) << compact(response(file)) << true;
    }
    QTest::newRow("tricky table") << QByteArray(kTrickyTable) << true;
    QTest::newRow("rows twice, last wins") << QByteArray(R"({"kind":"Table","rows":[{"cells":[1]}],"rows":[]})") << true;
    QTest::newRow("list with rows before kind")
        << QByteArray(R"({"items":[{"metadata":{"name":"a"},"spec":{"x":[1,{"y":null}]}}],"kind":"PodList"})") << true;
    QTest::newRow("items without kind") << QByteArray(R"({"items":[]})") << true;
    QTest::newRow("empty table") << QByteArray(R"({"kind":"Table"})") << true;
    QTest::newRow("status") << response("status_403_forbidden.json") << false;
    QTest::newRow("not a list") << QByteArray(R"({"kind":"Pod","metadata":{"name":"p"}})") << false;
    QTest::newRow("top-level array") << QByteArray("[1]") << false;
    QTest::newRow("key with escape") << QByteArray(R"({"kin\u0064":"Table"})") << true;
    QTest::newRow("key with lone surrogate") << QByteArray(R"({"kind":"PodList","items":[{"metadata":{"labels":{"\ud800":"x"}}}]})") << false;
    QTest::newRow("label not a string") << QByteArray(R"({"kind":"PodList","items":[{"metadata":{"labels":{"a":1}}}]})") << false;
    QTest::newRow("name null") << QByteArray(R"({"kind":"PodList","items":[{"metadata":{"name":null}}]})") << true;
    QTest::newRow("metadata null") << QByteArray(R"({"kind":"PodList","items":[{"metadata":null}]})") << false;
    QTest::newRow("leading zero") << QByteArray(R"({"kind":"Table","rows":[{"cells":[01]}]})") << false;
    QTest::newRow("number out of range") << QByteArray(R"({"kind":"Table","rows":[{"cells":[1e999]}]})") << false;
    QTest::newRow("control character") << QByteArray("{\"kind\":\"Table\",\"x\":\"a\tb\"}") << false;
    QTest::newRow("unknown escape") << QByteArray(R"({"kind":"Table","x":"\x41"})") << false;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"kind\":\"Table\",\"x\":\"\xC3\x28\"}") << false;
    QTest::newRow("overlong UTF-8") << QByteArray("{\"kind\":\"Table\",\"x\":\"\xC0\xAF\"}") << false;
    QTest::newRow("UTF-8 surrogate") << QByteArray("{\"kind\":\"Table\",\"x\":\"\xED\xA0\x80\"}") << false;
    QTest::newRow("trailing garbage") << QByteArray(R"({"kind":"Table"} x)") << false;
    QTest::newRow("missing comma") << QByteArray(R"({"kind":"Table" "rows":[]})") << false;
    QTest::newRow("trailing comma") << QByteArray(R"({"kind":"Table","rows":[],})") << false;
    QTest::newRow("deep nesting") << QByteArray(R"({"kind":"Table","x":)" + QByteArray(600, '[') + QByteArray(600, ']') + "}") << false;
}

void tst_ListPage::readerMatchesDocument()
{
    // readListPage is only a faster way to the result decodeListPageDocument gives: where it takes
    // a body, both agree; where it declines, decodeListPage still gives the document's answer.
    QFETCH(QByteArray, body);
    QFETCH(bool, direct);
    const std::optional<ListPage> read = readListPage(body);
    const Result<ListPage> document = decodeListPageDocument(body, QStringLiteral("t"));
    QCOMPARE(read.has_value(), direct);
    if (read) {
        if (!document)
            QFAIL(qPrintable(document.error().toString()));
        QVERIFY(samePage(*read, *document));
    }
    const Result<ListPage> decoded = decodeListPage(body, QStringLiteral("t"));
    QCOMPARE(decoded.has_value(), document.has_value());
    if (decoded)
        QVERIFY(samePage(*decoded, *document));
    else
        QCOMPARE(decoded.error().toString(), document.error().toString());
}

void tst_ListPage::readerNeverDisagreesWithDocument_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("everyByte"); // also replace every byte (not only cut the body)
    QTest::newRow("tricky table") << QByteArray(kTrickyTable) << true;
    QTest::newRow("real table") << response("table_deployments_includeObject_Metadata.json") << false;
    QTest::newRow("real list") << response("list_configmaps_limit2_continue.json") << true;
}

void tst_ListPage::readerNeverDisagreesWithDocument()
{
    // Bodies cut at every byte and with every byte replaced by characters that matter to JSON:
    // whatever readListPage takes, QJsonDocument takes too, with the same result.
    QFETCH(QByteArray, body);
    QFETCH(bool, everyByte);
    int taken = 0;
    int mutations = 0;
    const auto check = [&](const QByteArray &mutated) {
        ++mutations;
        const std::optional<ListPage> read = readListPage(mutated);
        if (!read)
            return true;
        ++taken;
        const Result<ListPage> document = decodeListPageDocument(mutated, QStringLiteral("t"));
        return document && samePage(*read, *document);
    };
    for (qsizetype n = 0; n < body.size(); ++n) {
        if (!check(body.first(n)))
            QFAIL(qPrintable(QStringLiteral("disagree on the first %1 bytes").arg(n)));
    }
    if (everyByte) {
        const QByteArray replacements("\"\\{}[],:0-.eEtnu x\x01\x7f\xc3\xa9\xff", 26);
        for (qsizetype i = 0; i < body.size(); ++i) {
            for (char r : replacements) {
                if (body.at(i) == r)
                    continue;
                QByteArray mutated = body;
                mutated[i] = r;
                if (!check(mutated))
                    QFAIL(qPrintable(QStringLiteral("disagree with byte %1 replaced by 0x%2").arg(i).arg(uchar(r), 2, 16)));
            }
        }
    }
    QVERIFY2(taken > (everyByte ? 100 : 0) || !everyByte, "no mutation was taken: the check is vacuous");
    qInfo("%d of %d mutations read directly", taken, mutations);
}

void tst_ListPage::timestamps_data()
{
    QTest::addColumn<QString>("text");
    for (const char *t : {"2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z",
                          "2000-02-29T12:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                          "0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1600-03-01T12:34:56Z",
                          "9999-12-31T23:59:59Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z",
                          "2024-04-31T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
                          "2024-01-01T00:00:60Z", "2024-01-01T10:00:00+02:00", "2024-01-01T10:00:00.123Z",
                          "2024-01-01T10:00:00.123456Z", "2024-01-01t10:00:00z", "2024-01-01T10:00:0xZ",
                          "2024-1-01T10:00:00ZZ", "", "garbage"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

void tst_ListPage::timestamps()
{
    // The fast path for "2006-01-02T15:04:05Z" gives what QDateTime's ISO parser gives.
    QFETCH(QString, text);
    QDateTime expected = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!expected.isValid())
        expected = QDateTime::fromString(text, Qt::ISODate);
    expected = expected.isValid() ? expected.toUTC() : QDateTime();
    const QDateTime parsed = parseTimestamp(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

QTEST_GUILESS_MAIN(tst_ListPage)
#include "tst_listpage.moc"
