// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandbox/jsonpatch.h"
#include "edit/jsonpointer.h"
#include "edit/jsonutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qluster;

namespace {
QJsonValue json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text);
    return doc.array().at(0);
}
QByteArray dump(const QJsonValue &v)
{
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
}
} // namespace

class tst_JsonPatch final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pointer_data();
    void pointer();
    void apply_data();
    void apply();
    void errors_data();
    void errors();
};

void tst_JsonPatch::pointer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<bool>("valid");
    QTest::newRow("root") << QString() << QStringList() << true;
    QTest::newRow("simple") << QStringLiteral("/spec/replicas")
                            << QStringList{QStringLiteral("spec"), QStringLiteral("replicas")} << true;
    QTest::newRow("escapes") << QStringLiteral("/metadata/annotations/a~1b~0c")
                             << QStringList{QStringLiteral("metadata"), QStringLiteral("annotations"),
                                            QStringLiteral("a/b~c")} << true;
    QTest::newRow("empty token") << QStringLiteral("/") << QStringList{QString()} << true;
    QTest::newRow("no slash") << QStringLiteral("spec") << QStringList() << false;
    QTest::newRow("bad escape") << QStringLiteral("/a~2") << QStringList() << false;
}

void tst_JsonPatch::pointer()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tokens);
    QFETCH(bool, valid);
    const auto p = JsonPointer::parse(text);
    QCOMPARE(p.has_value(), valid);
    if (!valid) {
        QVERIFY(p.error().message.contains(QLatin1String("invalid JSON pointer")));
        return;
    }
    QCOMPARE(p->tokens(), tokens);
    QCOMPARE(p->toString(), text);
}

void tst_JsonPatch::apply_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");
    // Cases from RFC 6902 appendix A and Kubernetes usage.
    QTest::newRow("add member") << QByteArray(R"({"foo":"bar"})")
                                << QByteArray(R"([{"op":"add","path":"/baz","value":"qux"}])")
                                << QByteArray(R"({"baz":"qux","foo":"bar"})");
    QTest::newRow("add array element") << QByteArray(R"({"foo":["bar","baz"]})")
                                       << QByteArray(R"([{"op":"add","path":"/foo/1","value":"qux"}])")
                                       << QByteArray(R"({"foo":["bar","qux","baz"]})");
    QTest::newRow("append with -") << QByteArray(R"({"foo":[1]})")
                                   << QByteArray(R"([{"op":"add","path":"/foo/-","value":{"a":2}}])")
                                   << QByteArray(R"({"foo":[1,{"a":2}]})");
    QTest::newRow("remove") << QByteArray(R"({"baz":"qux","foo":"bar"})")
                            << QByteArray(R"([{"op":"remove","path":"/baz"}])")
                            << QByteArray(R"({"foo":"bar"})");
    QTest::newRow("remove element") << QByteArray(R"({"foo":["bar","qux","baz"]})")
                                    << QByteArray(R"([{"op":"remove","path":"/foo/1"}])")
                                    << QByteArray(R"({"foo":["bar","baz"]})");
    QTest::newRow("replace") << QByteArray(R"({"spec":{"replicas":1}})")
                             << QByteArray(R"([{"op":"replace","path":"/spec/replicas","value":3}])")
                             << QByteArray(R"({"spec":{"replicas":3}})");
    QTest::newRow("move") << QByteArray(R"({"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}})")
                          << QByteArray(R"([{"op":"move","from":"/foo/waldo","path":"/qux/thud"}])")
                          << QByteArray(R"({"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}})");
    QTest::newRow("move element") << QByteArray(R"({"foo":["all","grass","cows","eat"]})")
                                  << QByteArray(R"([{"op":"move","from":"/foo/1","path":"/foo/3"}])")
                                  << QByteArray(R"({"foo":["all","cows","eat","grass"]})");
    QTest::newRow("copy") << QByteArray(R"({"a":{"b":1}})")
                          << QByteArray(R"([{"op":"copy","from":"/a","path":"/c"}])")
                          << QByteArray(R"({"a":{"b":1},"c":{"b":1}})");
    QTest::newRow("test then replace") << QByteArray(R"({"spec":{"replicas":1}})")
                                       << QByteArray(R"([{"op":"test","path":"/spec/replicas","value":1.0},{"op":"replace","path":"/spec/replicas","value":2}])")
                                       << QByteArray(R"({"spec":{"replicas":2}})");
    QTest::newRow("escaped key") << QByteArray(R"({"metadata":{"annotations":{}}})")
                                 << QByteArray(R"([{"op":"add","path":"/metadata/annotations/example.com~1x","value":"y"}])")
                                 << QByteArray(R"({"metadata":{"annotations":{"example.com/x":"y"}}})");
    QTest::newRow("replace root") << QByteArray(R"({"a":1})")
                                  << QByteArray(R"([{"op":"replace","path":"","value":{"b":2}}])")
                                  << QByteArray(R"({"b":2})");
    QTest::newRow("add null value") << QByteArray(R"({})")
                                    << QByteArray(R"([{"op":"add","path":"/a","value":null}])")
                                    << QByteArray(R"({"a":null})");
}

void tst_JsonPatch::apply()
{
    QFETCH(QByteArray, doc);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const auto result = applyJsonPatch(json(doc.constData()), json(patch.constData()));
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QVERIFY2(jsonEquals(*result, json(expected.constData())), dump(*result).constData());
}

void tst_JsonPatch::errors_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("message");
    QTest::newRow("test fails") << QByteArray(R"({"spec":{"replicas":1}})")
                                << QByteArray(R"([{"op":"test","path":"/spec/replicas","value":2}])")
                                << QStringLiteral("test operation failed at /spec/replicas");
    QTest::newRow("remove missing") << QByteArray(R"({"a":1})")
                                    << QByteArray(R"([{"op":"remove","path":"/b"}])")
                                    << QStringLiteral("path /b does not exist");
    QTest::newRow("replace missing") << QByteArray(R"({"a":{}})")
                                     << QByteArray(R"([{"op":"replace","path":"/a/b","value":1}])")
                                     << QStringLiteral("path /a/b does not exist");
    QTest::newRow("add to missing parent") << QByteArray(R"({})")
                                           << QByteArray(R"([{"op":"add","path":"/a/b","value":1}])")
                                           << QStringLiteral("path /a does not exist");
    QTest::newRow("index out of range") << QByteArray(R"({"a":[1]})")
                                        << QByteArray(R"([{"op":"add","path":"/a/5","value":1}])")
                                        << QStringLiteral("invalid array index \"5\"");
    QTest::newRow("leading zero index") << QByteArray(R"({"a":[1,2]})")
                                        << QByteArray(R"([{"op":"remove","path":"/a/01"}])")
                                        << QStringLiteral("invalid array index \"01\"");
    QTest::newRow("bad pointer") << QByteArray(R"({})")
                                 << QByteArray(R"([{"op":"add","path":"a","value":1}])")
                                 << QStringLiteral("invalid JSON pointer");
    QTest::newRow("unknown op") << QByteArray(R"({})")
                                << QByteArray(R"([{"op":"frobnicate","path":"/a"}])")
                                << QStringLiteral("unknown operation \"frobnicate\"");
    QTest::newRow("missing value") << QByteArray(R"({})")
                                   << QByteArray(R"([{"op":"add","path":"/a"}])")
                                   << QStringLiteral("missing \"value\"");
    QTest::newRow("not an array") << QByteArray(R"({})") << QByteArray(R"({"op":"add"})")
                                  << QStringLiteral("must be an array");
    QTest::newRow("move into child") << QByteArray(R"({"a":{"b":{}}})")
                                     << QByteArray(R"([{"op":"move","from":"/a","path":"/a/b/c"}])")
                                     << QStringLiteral("into its own child");
    QTest::newRow("second op fails") << QByteArray(R"({"a":1})")
                                     << QByteArray(R"([{"op":"remove","path":"/a"},{"op":"remove","path":"/a"}])")
                                     << QStringLiteral("operation 1 (remove /a)");
}

void tst_JsonPatch::errors()
{
    QFETCH(QByteArray, doc);
    QFETCH(QByteArray, patch);
    QFETCH(QString, message);
    const auto result = applyJsonPatch(json(doc.constData()), json(patch.constData()));
    QVERIFY(!result.has_value());
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
    QCOMPARE(result.error().kind, Error::Kind::Invalid);
}

QTEST_GUILESS_MAIN(tst_JsonPatch)
#include "tst_jsonpatch.moc"
