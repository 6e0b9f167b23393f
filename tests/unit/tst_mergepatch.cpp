// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "edit/jsonutil.h"
#include "edit/mergepatch.h"
#include "sandbox/jsonpatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qluster;

namespace {
QJsonValue json(const QByteArray &text)
{
    return QJsonDocument::fromJson("[" + text + "]").array().at(0);
}
QByteArray dump(const QJsonValue &v)
{
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
}
} // namespace

class tst_MergePatch final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void apply_data();
    void apply();
    void create_data();
    void create();
    void notAnObject();
};

void tst_MergePatch::apply_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");
    // RFC 7386 appendix A examples (those with an object patch, as Kubernetes requires).
    QTest::newRow("replace") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":"c"})") << QByteArray(R"({"a":"c"})");
    QTest::newRow("add") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"b":"c"})") << QByteArray(R"({"a":"b","b":"c"})");
    QTest::newRow("delete") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":null})") << QByteArray(R"({})");
    QTest::newRow("delete one") << QByteArray(R"({"a":"b","b":"c"})") << QByteArray(R"({"a":null})") << QByteArray(R"({"b":"c"})");
    QTest::newRow("array replaces") << QByteArray(R"({"a":["b"]})") << QByteArray(R"({"a":"c"})") << QByteArray(R"({"a":"c"})");
    QTest::newRow("value becomes array") << QByteArray(R"({"a":"c"})") << QByteArray(R"({"a":["b"]})") << QByteArray(R"({"a":["b"]})");
    QTest::newRow("nested") << QByteArray(R"({"a":{"b":"c"}})") << QByteArray(R"({"a":{"b":"d","c":null}})") << QByteArray(R"({"a":{"b":"d"}})");
    QTest::newRow("array of objects") << QByteArray(R"({"a":[{"b":"c"}]})") << QByteArray(R"({"a":[1]})") << QByteArray(R"({"a":[1]})");
    QTest::newRow("nested nulls kept in arrays") << QByteArray(R"({})") << QByteArray(R"({"a":[null]})") << QByteArray(R"({"a":[null]})");
    QTest::newRow("creates objects") << QByteArray(R"({"e":null})") << QByteArray(R"({"a":1})") << QByteArray(R"({"e":null,"a":1})");
    QTest::newRow("scalar target") << QByteArray(R"("x")") << QByteArray(R"({"bar":{"baz":null}})") << QByteArray(R"({"bar":{}})");
}

void tst_MergePatch::apply()
{
    QFETCH(QByteArray, doc);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const auto result = applyMergePatch(json(doc), json(patch));
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QVERIFY2(jsonEquals(*result, json(expected)), dump(*result).constData());
}

void tst_MergePatch::create_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QByteArray>("modified");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("equal") << QByteArray(R"({"a":{"b":1}})") << QByteArray(R"({"a":{"b":1}})") << QByteArray(R"({})");
    QTest::newRow("changed scalar") << QByteArray(R"({"spec":{"replicas":1,"x":"y"}})") << QByteArray(R"({"spec":{"replicas":3,"x":"y"}})") << QByteArray(R"({"spec":{"replicas":3}})");
    QTest::newRow("removed") << QByteArray(R"({"a":1,"b":2})") << QByteArray(R"({"a":1})") << QByteArray(R"({"b":null})");
    QTest::newRow("array whole") << QByteArray(R"({"l":[1,2]})") << QByteArray(R"({"l":[1,3]})") << QByteArray(R"({"l":[1,3]})");
    QTest::newRow("added object") << QByteArray(R"({})") << QByteArray(R"({"m":{"labels":{"a":"b"}}})") << QByteArray(R"({"m":{"labels":{"a":"b"}}})");
    QTest::newRow("object to scalar") << QByteArray(R"({"a":{"b":1}})") << QByteArray(R"({"a":2})") << QByteArray(R"({"a":2})");
}

void tst_MergePatch::create()
{
    QFETCH(QByteArray, original);
    QFETCH(QByteArray, modified);
    QFETCH(QByteArray, expected);
    const QJsonValue patch = createMergePatch(json(original), json(modified));
    QVERIFY2(jsonEquals(patch, json(expected)), dump(patch).constData());
    // Round trip: applying the created patch to the original gives the modified document.
    const auto applied = applyMergePatch(json(original), patch);
    if (!applied)
        QFAIL(qPrintable(applied.error().toString()));
    QVERIFY(jsonEquals(*applied, json(modified)));
}

void tst_MergePatch::notAnObject()
{
    const auto result = applyMergePatch(json(R"({"a":1})"), json(R"([1])"));
    QVERIFY(!result.has_value());
    QVERIFY(result.error().message.contains(QLatin1String("must be a JSON object")));
}

QTEST_GUILESS_MAIN(tst_MergePatch)
#include "tst_mergepatch.moc"
