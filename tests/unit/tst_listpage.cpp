// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "api/listpage.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Qluster;

namespace {

QByteArray response(const char *name)
{
    QFile file(QStringLiteral(QLUSTER_K8S_API_DIR "/real-1.22/responses/") + QString::fromLatin1(name));
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

QTEST_GUILESS_MAIN(tst_ListPage)
#include "tst_listpage.moc"
