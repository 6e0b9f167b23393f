// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "edit/jsonutil.h"
#include "testenv.h"
#include "edit/yamljson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

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

class tst_YamlJson final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scalars_data();
    void scalars();
    void document();
    void multiDocument();
    void errors_data();
    void errors();
    void roundTrip_data();
    void roundTrip();
    void kubectlStyle();
    void roundTripRealObject();
};

void tst_YamlJson::scalars_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("int") << QByteArray("v: 12") << QByteArray(R"({"v":12})");
    QTest::newRow("negative") << QByteArray("v: -3") << QByteArray(R"({"v":-3})");
    QTest::newRow("hex") << QByteArray("v: 0x1F") << QByteArray(R"({"v":31})");
    QTest::newRow("octal yaml 1.1") << QByteArray("v: 0755") << QByteArray(R"({"v":493})");
    QTest::newRow("float") << QByteArray("v: 1.5") << QByteArray(R"({"v":1.5})");
    QTest::newRow("exp") << QByteArray("v: 1e3") << QByteArray(R"({"v":1000})");
    QTest::newRow("true") << QByteArray("v: true") << QByteArray(R"({"v":true})");
    QTest::newRow("yes is bool") << QByteArray("v: yes") << QByteArray(R"({"v":true})");
    QTest::newRow("Off is bool") << QByteArray("v: Off") << QByteArray(R"({"v":false})");
    QTest::newRow("quoted true") << QByteArray("v: \"true\"") << QByteArray(R"({"v":"true"})");
    QTest::newRow("single quoted int") << QByteArray("v: '80'") << QByteArray(R"({"v":"80"})");
    QTest::newRow("tagged str") << QByteArray("v: !!str 80") << QByteArray(R"({"v":"80"})");
    QTest::newRow("null") << QByteArray("v: null") << QByteArray(R"({"v":null})");
    QTest::newRow("tilde") << QByteArray("v: ~") << QByteArray(R"({"v":null})");
    QTest::newRow("empty") << QByteArray("v:") << QByteArray(R"({"v":null})");
    QTest::newRow("string") << QByteArray("v: nginx:1.25") << QByteArray(R"({"v":"nginx:1.25"})");
    QTest::newRow("version-like") << QByteArray("v: 1.2.3") << QByteArray(R"({"v":"1.2.3"})");
    QTest::newRow("timestamp stays string") << QByteArray("v: 2026-11-23T00:15:29Z")
                                            << QByteArray(R"({"v":"2026-11-23T00:15:29Z"})");
    QTest::newRow("int key") << QByteArray("1: a") << QByteArray(R"({"1":"a"})");
    // sigs.k8s.io/yaml gives JSON the text of what a plain key resolves to (the "Norway problem").
    QTest::newRow("y key is true") << QByteArray("y: 1\nOff: 2") << QByteArray(R"({"true":1,"false":2})");
    QTest::newRow("quoted y key") << QByteArray("'y': 1") << QByteArray(R"({"y":1})");
    QTest::newRow("null key") << QByteArray("~: 1") << QByteArray(R"({"null":1})");
    QTest::newRow("hex key") << QByteArray("0x10: a") << QByteArray(R"({"16":"a"})");
    QTest::newRow("float key") << QByteArray("1.50: a") << QByteArray(R"({"1.5":"a"})");
    QTest::newRow("uppercase hex") << QByteArray("v: 0X1F") << QByteArray(R"({"v":31})");
    QTest::newRow("binary") << QByteArray("v: 0b101") << QByteArray(R"({"v":5})");
    QTest::newRow("literal block") << QByteArray("v: |\n  a\n  b\n") << QByteArray(R"({"v":"a\nb\n"})");
    QTest::newRow("flow") << QByteArray("v: {a: [1, \"2\", x]}") << QByteArray(R"({"v":{"a":[1,"2","x"]}})");
    QTest::newRow("json input") << QByteArray(R"({"a": [1, true, "x"]})") << QByteArray(R"({"a":[1,true,"x"]})");
    QTest::newRow("merge key") << QByteArray("base: &b {image: x, port: 1}\nc: {<<: *b, port: 2}") << QByteArray(R"({"base":{"image":"x","port":1},"c":{"image":"x","port":2}})");
    QTest::newRow("merge key list") << QByteArray("a: &a {x: 1}\nb: &b {x: 2, z: 2}\nc: {<<: [*a, *b]}") << QByteArray(R"({"a":{"x":1},"b":{"x":2,"z":2},"c":{"x":1,"z":2}})");
    QTest::newRow("quoted << is a key") << QByteArray("\"<<\": 1") << QByteArray(R"({"<<":1})");
    QTest::newRow("anchor") << QByteArray("a: &x {b: 1}\nc: *x") << QByteArray(R"({"a":{"b":1},"c":{"b":1}})");
}

void tst_YamlJson::scalars()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, expected);
    const auto result = yamlToJson(yaml);
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QVERIFY2(jsonEquals(*result, json(expected)), dump(*result).constData());
}

void tst_YamlJson::document()
{
    const QByteArray yaml = "apiVersion: apps/v1\n"
                            "kind: Deployment\n"
                            "metadata:\n"
                            "  name: web\n"
                            "  labels: {app: web}\n"
                            "spec:\n"
                            "  replicas: 2\n"
                            "  template:\n"
                            "    spec:\n"
                            "      containers:\n"
                            "      - name: nginx\n"
                            "        image: nginx:1.26\n"
                            "        ports:\n"
                            "        - containerPort: 80\n";
    const auto result = yamlToJson(yaml);
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    const QJsonObject o = result->toObject();
    QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("Deployment"));
    const QJsonObject container = o[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")]
                                   [QLatin1String("containers")][0].toObject();
    QCOMPARE(container.value(QLatin1String("image")).toString(), QStringLiteral("nginx:1.26"));
    QCOMPARE(container[QLatin1String("ports")][0][QLatin1String("containerPort")].toInteger(), 80);
}

void tst_YamlJson::multiDocument()
{
    const auto docs = yamlDocumentsToJson("a: 1\n---\n---\nb: 2\n");
    if (!docs)
        QFAIL(qPrintable(docs.error().toString()));
    QCOMPARE(docs->size(), 2);
    QCOMPARE(docs->at(1).toObject().value(QLatin1String("b")).toInteger(), 2);
    const auto one = yamlToJson("a: 1\n---\nb: 2\n");
    QVERIFY(!one.has_value());
    QVERIFY(one.error().message.contains(QLatin1String("expected one YAML document")));
    const auto empty = yamlToJson("");
    QVERIFY(empty.has_value());
    QVERIFY(empty->isNull());
    // Integers keep all 64 bits both ways (a double would make this ...992).
    const auto large = yamlToJson("v: 9007199254740993\n");
    QVERIFY(large.has_value());
    QCOMPARE(large->toObject().value(QLatin1String("v")).toInteger(), Q_INT64_C(9007199254740993));
    QCOMPARE(jsonToYaml(*large), QByteArray("v: 9007199254740993\n"));
}

void tst_YamlJson::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n") << 3 << 2 << QString();
    QTest::newRow("unclosed flow") << QByteArray("a: [1, 2\nb: 3\n") << 0 << 0 << QString();
    QTest::newRow("duplicate key") << QByteArray("a: 1\nb: 2\na: 3\n") << 3 << 1
                                   << QStringLiteral("mapping key \"a\" already defined");
    QTest::newRow("tab") << QByteArray("a:\n\t- b\n") << 0 << 0 << QString();
    QTest::newRow("infinity has no JSON") << QByteArray("a: 1\nb: .inf\n") << 2 << 4
                                          << QStringLiteral("unsupported value: .inf");
}

void tst_YamlJson::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto result = yamlToJson(yaml, QStringLiteral("in.yaml"));
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().kind, Error::Kind::Parse);
    QCOMPARE(result.error().file, QStringLiteral("in.yaml"));
    QVERIFY2(result.error().line > 0, qPrintable(result.error().toString()));
    if (line > 0)
        QCOMPARE(result.error().line, line);
    if (column > 0)
        QCOMPARE(result.error().column, column);
    if (!message.isEmpty())
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
}

void tst_YamlJson::roundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("strings that look like other types")
        << QByteArray(R"({"a":"true","b":"80","c":"yes","d":"","e":"null","f":"0x10","g":"1.5","h":"~"})");
    QTest::newRow("numbers") << QByteArray(R"({"a":1,"b":-2.25,"c":1e20,"d":0})");
    QTest::newRow("nested") << QByteArray(R"({"a":[{"b":[]},{}],"c":{"d":[1,[2]]}})");
    QTest::newRow("special characters") << QByteArray(R"({"a":"x: y","b":"- z","c":"#c","d":"multi\nline\n","e":" lead"})");
    QTest::newRow("keys") << QByteArray(R"({"true":1,"8080":2,"a b":3,"":4,"<<":5})");
    QTest::newRow("null and bool") << QByteArray(R"({"a":null,"b":false})");
    QTest::newRow("literal blocks") << QByteArray(R"({"a":"x
y","b":"x

","c":"x
  y
","d":"
lead","e":"t	ab
","f":"x

y
"})");
    QTest::newRow("indicators") << QByteArray(R"({"a":"-","b":"- x","c":"*x","d":"&x","e":"!x","f":"%x","g":"@x","h":"a: b","i":"a:","j":"it's","k":"{x}","l":"[x]","m":"#x","n":"x #y","o":"x#y"})");
    QTest::newRow("yaml 1.1 words") << QByteArray(R"({"a":"y","b":"N","c":"on","d":"Off","e":"1_000","f":"0755","g":".5","h":"1e3","i":"NULL","j":"~"})");
    QTest::newRow("nested lists") << QByteArray(R"({"a":[[1,2],[[3]],[],{}],"b":[{"c":[{"d":1}],"e":[]}]})");
    QTest::newRow("unicode and controls") << QByteArray(R"({"a":"zażółć","b":"x","c":"
"})");
    QTest::newRow("top-level list") << QByteArray(R"([{"a":1},"b",[]])");
    QTest::newRow("scalar document") << QByteArray(R"("just text")");
}

void tst_YamlJson::roundTrip()
{
    QFETCH(QByteArray, input);
    const QJsonValue value = json(input);
    const QByteArray yaml = jsonToYaml(value);
    const auto back = yamlToJson(yaml);
    if (!back)
        QFAIL(qPrintable(back.error().toString() + QLatin1Char('\n') + QString::fromUtf8(yaml)));
    QVERIFY2(jsonEquals(*back, value), yaml.constData());
}

void tst_YamlJson::kubectlStyle()
{
    // Lists start at their key's indentation and objects in lists follow "- ", as kubectl prints.
    const QByteArray yaml = jsonToYaml(json(R"({"spec":{"containers":[{"name":"web","ports":[{"containerPort":80}]}],"replicas":2}})"));
    QCOMPARE(yaml, QByteArray("spec:\n"
                              "  containers:\n"
                              "  - name: web\n"
                              "    ports:\n"
                              "    - containerPort: 80\n"
                              "  replicas: 2\n"));
    QCOMPARE(jsonToYaml(json(R"({"a":"true","b":"multi\nline\n","c":{}})")),
             QByteArray("a: 'true'\nb: |\n  multi\n  line\nc: {}\n"));
}

void tst_YamlJson::roundTripRealObject()
{
    QFile file(Qluster::Test::corpus(QStringLiteral("/real-1.22/responses/strategic_patch_dryrun_result.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonValue value = QJsonDocument::fromJson(file.readAll()).object();
    const QByteArray yaml = jsonToYaml(value);
    QVERIFY(yaml.contains("kind: Deployment"));
    const auto back = yamlToJson(yaml);
    if (!back)
        QFAIL(qPrintable(back.error().toString()));
    QVERIFY(jsonEquals(*back, value));
}

QTEST_GUILESS_MAIN(tst_YamlJson)
#include "tst_yamljson.moc"
