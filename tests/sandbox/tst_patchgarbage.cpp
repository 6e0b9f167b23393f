// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandbox/jsonpatch.h"
#include "edit/mergepatch.h"
#include "sandbox/serversideapply.h"
#include "edit/strategicmerge.h"
#include "sandbox/strategicpatch.h"
#include "edit/yamljson.h"
#include "sandbox/openapiregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qluster;

// Bad input must come back as an Error, never as a crash: the sandbox feeds request bodies
// straight into these functions.
class tst_PatchGarbage final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void malformedPatches_data();
    void malformedPatches();
    void randomDocuments();
    void badManagedFields();
    void deepYaml();
    void yamlRoundTripRandomStrings();
};

void tst_PatchGarbage::yamlRoundTripRandomStrings()
{
    // Strings made of the characters YAML treats specially must come back unchanged.
    QRandomGenerator random(7);
    const QString alphabet = QStringLiteral(" :#-\n'\"\t{}[],&*!|>%@`?yYnN0x1._~eE+ab\u00e9\r");
    for (int i = 0; i < 5000; ++i) {
        QString text;
        for (int n = random.bounded(8); n > 0; --n)
            text += alphabet.at(random.bounded(alphabet.size()));
        const QJsonObject object{{text, text}, {QStringLiteral("list"), QJsonArray{text, QJsonObject{{text, text}}}}};
        const QByteArray yaml = jsonToYaml(object);
        const auto back = yamlToJson(yaml);
        if (!back || *back != QJsonValue(object))
            QFAIL(qPrintable(QStringLiteral("round trip failed for %1:\n%2").arg(
                QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)), QString::fromUtf8(yaml))));
    }
}

void tst_PatchGarbage::malformedPatches_data()
{
    QTest::addColumn<QByteArray>("live");
    QTest::addColumn<QByteArray>("patch");
    QTest::newRow("list where map expected") << QByteArray(R"({"spec":{"template":{"spec":{"containers":{"a":1}}}}})")
                                             << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"x"}]}}}})");
    QTest::newRow("scalars in merge list") << QByteArray(R"({"spec":{"template":{"spec":{"containers":[1,"x",null]}}}})")
                                           << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"x"},{"name":"y","$patch":"delete"}]}}}})");
    QTest::newRow("objects in primitive list") << QByteArray(R"({"metadata":{"finalizers":["a"]}})")
                                               << QByteArray(R"({"metadata":{"finalizers":[{"a":1}],"$deleteFromPrimitiveList/finalizers":[{"b":2}]}})");
    QTest::newRow("bad directive values") << QByteArray(R"({"spec":{}})")
                                          << QByteArray(R"({"spec":{"$patch":7,"$retainKeys":"x","$setElementOrder/x":1,"$deleteFromPrimitiveList/":[]}})");
    QTest::newRow("set order for missing list") << QByteArray(R"({})")
                                                << QByteArray(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"},7]}}}})");
    QTest::newRow("null everywhere") << QByteArray(R"({"a":null})") << QByteArray(R"({"a":{"b":null},"spec":null})");
}

void tst_PatchGarbage::malformedPatches()
{
    QFETCH(QByteArray, live);
    QFETCH(QByteArray, patch);
    OpenApiRegistry registry;
    const auto meta = registry.patchMetaLookup({QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")});
    const QJsonObject l = QJsonDocument::fromJson(live).object();
    const QJsonObject p = QJsonDocument::fromJson(patch).object();
    const auto smp = applyStrategicMergePatch(l, p, *meta);
    if (!smp)
        QVERIFY(!smp.error().message.isEmpty());
    QVERIFY(applyMergePatch(l, p).has_value());
    ApplyOptions options;
    options.fieldManager = QStringLiteral("m");
    const auto applied = serverSideApply(l, p, *meta, options);
    if (!applied)
        QVERIFY(!applied.error().message.isEmpty());
    const auto created = createStrategicMergePatch(l, p, *meta);
    if (!created)
        QVERIFY(!created.error().message.isEmpty());
}

void tst_PatchGarbage::randomDocuments()
{
    // Random small documents through every entry point; the seed is fixed so failures repeat.
    QRandomGenerator random(20261123);
    const QStringList keys{QStringLiteral("spec"), QStringLiteral("containers"), QStringLiteral("name"), QStringLiteral("$patch"),
                           QStringLiteral("$retainKeys"), QStringLiteral("metadata"), QStringLiteral("finalizers"),
                           QStringLiteral("$setElementOrder/containers"), QStringLiteral("template"), QStringLiteral("ports")};
    std::function<QJsonValue(int)> make = [&](int depth) -> QJsonValue {
        switch (random.bounded(depth > 4 ? 4 : 7)) {
        case 0: return QJsonValue(QJsonValue::Null);
        case 1: return int(random.bounded(3));
        case 2: return keys.at(random.bounded(keys.size()));
        case 3: return random.bounded(2) == 0;
        case 4: case 5: {
            QJsonObject o;
            for (int i = random.bounded(4); i > 0; --i)
                o.insert(keys.at(random.bounded(keys.size())), make(depth + 1));
            return o;
        }
        default: {
            QJsonArray a;
            for (int i = random.bounded(4); i > 0; --i)
                a.append(make(depth + 1));
            return a;
        }
        }
    };
    OpenApiRegistry registry;
    const auto meta = registry.patchMetaLookup({QString(), QStringLiteral("v1"), QStringLiteral("Pod")});
    ApplyOptions options;
    options.fieldManager = QStringLiteral("m");
    int errors = 0;
    for (int i = 0; i < 3000; ++i) {
        const QJsonValue a = make(0);
        const QJsonValue b = make(0);
        errors += !applyStrategicMergePatch(a, b, *meta).has_value();
        errors += !createStrategicMergePatch(a, b, *meta).has_value();
        errors += !applyJsonPatch(a, b).has_value();
        errors += !applyMergePatch(a, b).has_value();
        errors += !serverSideApply(a.toObject(), b.toObject(), *meta, options).has_value();
        errors += !recordUpdate(a.toObject(), b.toObject(), *meta, options).has_value();
        const auto back = yamlToJson(jsonToYaml(a));
        if (!back || (!a.isNull() && *back != a))
            QFAIL(qPrintable(QStringLiteral("YAML round trip changed the value:\n") + QString::fromUtf8(jsonToYaml(a))));
    }
    QVERIFY(errors > 0); // plenty of the random input is invalid, and was reported as such
}

void tst_PatchGarbage::badManagedFields()
{
    OpenApiRegistry registry;
    const auto meta = registry.patchMetaLookup({QString(), QStringLiteral("v1"), QStringLiteral("ConfigMap")});
    ApplyOptions options;
    options.fieldManager = QStringLiteral("m");
    for (const char *bad : {R"({"metadata":{"managedFields":7}})",
                            R"({"metadata":{"managedFields":[{"manager":"a","operation":"Apply","fieldsType":"FieldsV2"}]}})",
                            R"({"metadata":{"managedFields":[{"manager":"a","operation":"Explode","fieldsType":"FieldsV1"}]}})",
                            R"({"metadata":{"managedFields":[{"manager":"a","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:x":3}}]}})"}) {
        const QJsonObject live = QJsonDocument::fromJson(QByteArray(bad)).object();
        const auto r = serverSideApply(live, QJsonObject{{QStringLiteral("data"), QJsonObject()}}, *meta, options);
        QVERIFY2(!r.has_value(), bad);
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
    }
}

void tst_PatchGarbage::deepYaml()
{
    QByteArray deep;
    for (int i = 0; i < 5000; ++i)
        deep += '[';
    const auto r = yamlToJson(deep);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().kind, Error::Kind::Parse);
    QVERIFY(!yamlToJson("a: b: c").has_value());
    const auto binary = yamlToJson("\x01\x02\xff");
    if (!binary)
        QCOMPARE(binary.error().kind, Error::Kind::Parse);
}

QTEST_GUILESS_MAIN(tst_PatchGarbage)
#include "tst_patchgarbage.moc"
