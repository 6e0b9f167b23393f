// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandbox/builtinschemas.h"
#include "testenv.h"
#include "sandbox/openapidocuments.h"
#include "sandbox/openapiregistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;

namespace {
QByteArray readFile(const QString &relative)
{
    QFile file(Qluster::Test::corpus(QStringLiteral("/")) + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}
QJsonObject parse(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}
QSet<QString> keySet(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.begin(), keys.end());
}
QString refTarget(const QJsonObject &property)
{
    if (property.contains(QLatin1String("$ref")))
        return property.value(QLatin1String("$ref")).toString().section(QLatin1Char('/'), -1);
    const QJsonArray allOf = property.value(QLatin1String("allOf")).toArray();
    if (allOf.size() == 1)
        return refTarget(allOf.at(0).toObject());
    return {};
}
void collectRefs(const QJsonValue &v, QSet<QString> &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.key() == QLatin1String("$ref"))
                out.insert(it.value().toString());
            else
                collectRefs(it.value(), out);
        }
    } else if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            collectRefs(x, out);
    }
}
const QStringList kExtensions{QStringLiteral("x-kubernetes-patch-strategy"), QStringLiteral("x-kubernetes-patch-merge-key"),
                              QStringLiteral("x-kubernetes-list-type"), QStringLiteral("x-kubernetes-list-map-keys"),
                              QStringLiteral("x-kubernetes-map-type")};
const QString kWidgetCrd = QStringLiteral(R"({
  "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
  "metadata": {"name": "widgets.example.com"},
  "spec": {"group": "example.com", "scope": "Namespaced",
    "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"},
    "versions": [{"name": "v1", "served": true, "storage": true,
      "subresources": {"status": {}},
      "schema": {"openAPIV3Schema": {"type": "object", "properties": {
        "spec": {"type": "object", "description": "What the widget should be.", "properties": {
          "size": {"type": "integer"}, "color": {"type": "string"},
          "parts": {"type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["id"],
                    "items": {"type": "object", "properties": {"id": {"type": "string"}}}}}}}}}}]}})");
} // namespace

class tst_OpenApiRegistry final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void builtinsMatchUpstreamV3_data();
    void builtinsMatchUpstreamV3();
    void builtinsMatchSwaggerForOtherGroups();
    void deploymentKeySets();
    void everyResourceHasItsGvk();
    void documentsAreSelfContained();
    void pathsLikeUpstream();
    void indexAndHashes();
    void patchMetaFromBuiltins();
    void swaggerDocument();
    void upstreamDirectory();
    void customResourceDefinition();
    void crdNameRule();

private:
    QMap<QString, QJsonObject> m_upstream; // all upstream v3 schemas
    QJsonObject m_swagger;                 // v1.22 definitions
};

void tst_OpenApiRegistry::initTestCase()
{
    for (const char *name : {"api__v1_openapi.json", "apis__apps__v1_openapi.json", "apis__batch__v1_openapi.json",
                             "apis__apiextensions.k8s.io__v1_openapi.json"}) {
        const QJsonObject schemas = parse(readFile(QStringLiteral("openapi/v3/") + QLatin1String(name)))
                                        .value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
        for (auto it = schemas.constBegin(); it != schemas.constEnd(); ++it)
            m_upstream.insert(it.key(), it.value().toObject());
    }
    m_swagger = parse(readFile(QStringLiteral("real-1.22/openapi/swagger.json"))).value(QLatin1String("definitions")).toObject();
    QVERIFY(m_upstream.size() > 100);
    QVERIFY(builtinSchemas().size() > 100);
}

void tst_OpenApiRegistry::builtinsMatchUpstreamV3_data()
{
    QTest::addColumn<QString>("name");
    int compared = 0;
    for (auto it = builtinSchemas().constBegin(); it != builtinSchemas().constEnd(); ++it) {
        if (!m_upstream.contains(it.key()))
            continue;
        QTest::newRow(qPrintable(it.key())) << it.key();
        ++compared;
    }
    QVERIFY(compared > 80);
}

// Every field we define exists upstream with the same type, reference and merge metadata.
void tst_OpenApiRegistry::builtinsMatchUpstreamV3()
{
    QFETCH(QString, name);
    const QJsonObject mine = builtinSchemas().value(name);
    const QJsonObject theirs = m_upstream.value(name);
    QCOMPARE(mine.value(QLatin1String("type")), theirs.value(QLatin1String("type")));
    QCOMPARE(mine.value(QLatin1String("format")), theirs.value(QLatin1String("format")));
    // Shared option kinds list the group-versions they are served in: ours are a subset.
    const QJsonArray gvks = mine.value(QLatin1String("x-kubernetes-group-version-kind")).toArray();
    const QJsonArray upstreamGvks = theirs.value(QLatin1String("x-kubernetes-group-version-kind")).toArray();
    QCOMPARE(gvks.isEmpty(), upstreamGvks.isEmpty());
    for (const QJsonValue &gvk : gvks)
        QVERIFY2(upstreamGvks.contains(gvk), qPrintable(name));
    QCOMPARE(mine.value(QLatin1String("x-kubernetes-map-type")), theirs.value(QLatin1String("x-kubernetes-map-type")));
    const QJsonObject props = mine.value(QLatin1String("properties")).toObject();
    const QJsonObject upstreamProps = theirs.value(QLatin1String("properties")).toObject();
    for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
        const QString where = name + QLatin1Char('.') + it.key();
        QVERIFY2(upstreamProps.contains(it.key()), qPrintable(where + QStringLiteral(" is not upstream")));
        const QJsonObject p = it.value().toObject();
        const QJsonObject u = upstreamProps.value(it.key()).toObject();
        QVERIFY2(!p.value(QLatin1String("description")).toString().isEmpty(), qPrintable(where));
        QCOMPARE(refTarget(p), refTarget(u));
        QCOMPARE(p.value(QLatin1String("type")), u.value(QLatin1String("type")));
        if (p.contains(QLatin1String("items"))) {
            QCOMPARE(refTarget(p.value(QLatin1String("items")).toObject()), refTarget(u.value(QLatin1String("items")).toObject()));
            QCOMPARE(p[QLatin1String("items")][QLatin1String("type")], u[QLatin1String("items")][QLatin1String("type")]);
        }
        for (const QString &ext : kExtensions) {
            if (p.value(ext) != u.value(ext))
                QFAIL(qPrintable(QStringLiteral("%1: %2 is %3, upstream %4").arg(where, ext,
                    QString::fromUtf8(QJsonDocument(QJsonArray{p.value(ext)}).toJson(QJsonDocument::Compact)),
                    QString::fromUtf8(QJsonDocument(QJsonArray{u.value(ext)}).toJson(QJsonDocument::Compact)))));
        }
    }
    const QJsonArray required = mine.value(QLatin1String("required")).toArray();
    const QJsonArray upstreamRequired = theirs.value(QLatin1String("required")).toArray();
    for (const QJsonValue &r : required)
        QVERIFY2(upstreamRequired.contains(r), qPrintable(name + QStringLiteral(" requires ") + r.toString()));
}

// The groups without a v3 document in shared/ (networking.k8s.io, rbac, autoscaling, policy,
// storage, coordination, scheduling, apiregistration): the v1.22 swagger has their types.
void tst_OpenApiRegistry::builtinsMatchSwaggerForOtherGroups()
{
    static const QStringList prefixes{QStringLiteral("io.k8s.api.networking.v1."), QStringLiteral("io.k8s.api.rbac.v1."),
                                      QStringLiteral("io.k8s.api.autoscaling.v1."), QStringLiteral("io.k8s.api.autoscaling.v2."),
                                      QStringLiteral("io.k8s.api.policy.v1."),
                                      QStringLiteral("io.k8s.api.storage.v1."), QStringLiteral("io.k8s.api.coordination.v1."),
                                      QStringLiteral("io.k8s.api.scheduling.v1."),
                                      QStringLiteral("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.")};
    int compared = 0;
    QSet<QString> groupsCompared;
    for (auto it = builtinSchemas().constBegin(); it != builtinSchemas().constEnd(); ++it) {
        const auto prefix = std::find_if(prefixes.begin(), prefixes.end(), [&](const QString &p) { return it.key().startsWith(p); });
        if (prefix == prefixes.end())
            continue;
        groupsCompared.insert(*prefix);
        const QJsonObject mine = openApiSchemaToV2(it.value());
        const QJsonObject theirs = m_swagger.value(it.key()).toObject();
        if (theirs.isEmpty()) // Ingress load balancer types were added after v1.22.
            continue;
        QCOMPARE(mine.value(QLatin1String("x-kubernetes-group-version-kind")), theirs.value(QLatin1String("x-kubernetes-group-version-kind")));
        const QJsonObject props = mine.value(QLatin1String("properties")).toObject();
        const QJsonObject upstreamProps = theirs.value(QLatin1String("properties")).toObject();
        for (auto p = props.constBegin(); p != props.constEnd(); ++p) {
            const QString where = it.key() + QLatin1Char('.') + p.key();
            // Fields added after v1.22 are allowed; the others must agree.
            if (!upstreamProps.contains(p.key()))
                continue;
            const QJsonObject u = upstreamProps.value(p.key()).toObject();
            const QString target = refTarget(p.value().toObject());
            if (!target.isEmpty() && !m_swagger.contains(target))
                continue; // the referenced type was introduced after v1.22
            QCOMPARE(refTarget(p.value().toObject()), refTarget(u));
            QCOMPARE(p.value().toObject().value(QLatin1String("type")), u.value(QLatin1String("type")));
            for (const QString &ext : {QStringLiteral("x-kubernetes-patch-strategy"), QStringLiteral("x-kubernetes-patch-merge-key")})
                QVERIFY2(p.value().toObject().value(ext) == u.value(ext), qPrintable(where + QLatin1Char(' ') + ext));
            ++compared;
        }
    }
    QVERIFY(compared > 100);
    QCOMPARE(groupsCompared.size(), prefixes.size());
}

void tst_OpenApiRegistry::deploymentKeySets()
{
    const QString name = QStringLiteral("io.k8s.api.apps.v1.Deployment");
    const QJsonObject mine = builtinSchemas().value(name);
    const QJsonObject theirs = m_upstream.value(name);
    QCOMPARE(keySet(mine), keySet(theirs));
    QCOMPARE(keySet(mine.value(QLatin1String("properties")).toObject()), keySet(theirs.value(QLatin1String("properties")).toObject()));
    const QString list = QStringLiteral("io.k8s.api.apps.v1.DeploymentList");
    QCOMPARE(keySet(builtinSchemas().value(list)), keySet(m_upstream.value(list)));
    QCOMPARE(keySet(builtinSchemas().value(list).value(QLatin1String("properties")).toObject()),
             keySet(m_upstream.value(list).value(QLatin1String("properties")).toObject()));
    // The spec and the template carry the fields kubectl explain shows most.
    for (const char *type : {"io.k8s.api.apps.v1.DeploymentSpec", "io.k8s.api.core.v1.PodTemplateSpec",
                             "io.k8s.api.apps.v1.DeploymentStrategy", "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"}) {
        const QString t = QString::fromLatin1(type);
        QCOMPARE(keySet(builtinSchemas().value(t).value(QLatin1String("properties")).toObject()),
                 keySet(m_upstream.value(t).value(QLatin1String("properties")).toObject()));
    }
}

void tst_OpenApiRegistry::everyResourceHasItsGvk()
{
    OpenApiRegistry registry;
    QCOMPARE(builtinResources().size(), 34);
    for (const BuiltinResource &r : builtinResources()) {
        QCOMPARE(registry.model().schemaNameForGvk(r.gvk()), r.schemaName);
        QCOMPARE(registry.model().schemaNameForGvk({r.group, r.version, r.kind + QStringLiteral("List")}), r.listSchemaName);
    }
}

void tst_OpenApiRegistry::documentsAreSelfContained()
{
    OpenApiRegistry registry;
    const QStringList paths = registry.groupVersionPaths();
    QCOMPARE(paths, (QStringList{QStringLiteral("api/v1"), QStringLiteral("apis/apiextensions.k8s.io/v1"),
                                 QStringLiteral("apis/apiregistration.k8s.io/v1"), QStringLiteral("apis/apps/v1"), QStringLiteral("apis/autoscaling/v1"), QStringLiteral("apis/autoscaling/v2"),
                                 QStringLiteral("apis/batch/v1"), QStringLiteral("apis/coordination.k8s.io/v1"),
                                 QStringLiteral("apis/networking.k8s.io/v1"), QStringLiteral("apis/policy/v1"),
                                 QStringLiteral("apis/rbac.authorization.k8s.io/v1"), QStringLiteral("apis/scheduling.k8s.io/v1"),
                                 QStringLiteral("apis/storage.k8s.io/v1")}));
    for (const QString &path : paths) {
        const auto doc = registry.groupVersion(path);
        QVERIFY(doc.has_value());
        const QJsonObject o = parse(doc->body);
        QCOMPARE(o.value(QLatin1String("openapi")).toString(), QStringLiteral("3.0.0"));
        const QJsonObject schemas = o.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
        QSet<QString> refs;
        collectRefs(o, refs);
        QVERIFY(!refs.isEmpty());
        for (const QString &ref : refs) {
            QVERIFY2(ref.startsWith(QLatin1String("#/components/schemas/")), qPrintable(ref));
            QVERIFY2(schemas.contains(ref.mid(21)), qPrintable(path + QStringLiteral(": dangling ") + ref));
        }
    }
}

void tst_OpenApiRegistry::pathsLikeUpstream()
{
    OpenApiRegistry registry;
    const QJsonObject mine = parse(registry.groupVersion(QStringLiteral("apis/apps/v1"))->body).value(QLatin1String("paths")).toObject();
    const QJsonObject theirs = parse(readFile(QStringLiteral("openapi/v3/apis__apps__v1_openapi.json"))).value(QLatin1String("paths")).toObject();
    for (const char *p : {"/apis/apps/v1/namespaces/{namespace}/deployments", "/apis/apps/v1/namespaces/{namespace}/deployments/{name}",
                          "/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status",
                          "/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale", "/apis/apps/v1/deployments"}) {
        const QString path = QString::fromLatin1(p);
        QVERIFY2(mine.contains(path), p);
        const QJsonObject m = mine.value(path).toObject();
        const QJsonObject t = theirs.value(path).toObject();
        QCOMPARE(keySet(m), keySet(t));
        for (const QString &method : m.keys()) {
            if (method == QLatin1String("parameters"))
                continue;
            const QJsonObject mo = m.value(method).toObject();
            const QJsonObject to = t.value(method).toObject();
            QCOMPARE(mo.value(QLatin1String("operationId")), to.value(QLatin1String("operationId")));
            QCOMPARE(mo.value(QLatin1String("x-kubernetes-action")), to.value(QLatin1String("x-kubernetes-action")));
            QCOMPARE(mo.value(QLatin1String("x-kubernetes-group-version-kind")), to.value(QLatin1String("x-kubernetes-group-version-kind")));
            QCOMPARE(mo.value(QLatin1String("tags")), to.value(QLatin1String("tags")));
            QCOMPARE(keySet(mo.value(QLatin1String("requestBody")).toObject().value(QLatin1String("content")).toObject()),
                     keySet(to.value(QLatin1String("requestBody")).toObject().value(QLatin1String("content")).toObject()));
            QVERIFY(mo.value(QLatin1String("responses")).toObject().contains(QLatin1String("200")));
        }
    }
}

void tst_OpenApiRegistry::indexAndHashes()
{
    OpenApiRegistry registry;
    const auto index = registry.index();
    const QJsonObject paths = parse(index.body).value(QLatin1String("paths")).toObject();
    QCOMPARE(paths.keys(), registry.groupVersionPaths());
    for (const QString &path : paths.keys()) {
        const auto doc = registry.groupVersion(path);
        QCOMPARE(paths.value(path).toObject().value(QLatin1String("serverRelativeURL")).toString(),
                 QStringLiteral("/openapi/v3/") + path + QStringLiteral("?hash=") + doc->hash);
        QCOMPARE(doc->hash.size(), 128);
        QCOMPARE(doc->etag(), QLatin1Char('"') + doc->hash + QLatin1Char('"'));
    }
    // Deterministic: a second registry serves the same bytes.
    OpenApiRegistry again;
    QCOMPARE(again.index().body, index.body);
    QVERIFY(!registry.groupVersion(QStringLiteral("apis/nope/v1")).has_value());
    QVERIFY(registry.groupVersion(QStringLiteral("/apis/apps/v1")).has_value());
}

void tst_OpenApiRegistry::patchMetaFromBuiltins()
{
    OpenApiRegistry registry;
    const Gvk pod{QString(), QStringLiteral("v1"), QStringLiteral("Pod")};
    QCOMPARE(registry.patchMeta(pod, {QStringLiteral("spec"), QStringLiteral("containers")}).mergeKey, QStringLiteral("name"));
    QCOMPARE(registry.patchMeta(pod, {QStringLiteral("spec"), QStringLiteral("containers"), QStringLiteral("ports")}).mergeKey,
             QStringLiteral("containerPort"));
    QCOMPARE(registry.patchMeta(pod, {QStringLiteral("spec"), QStringLiteral("volumes")}).mergeKey, QStringLiteral("name"));
    QCOMPARE(registry.patchMeta(pod, {QStringLiteral("spec"), QStringLiteral("containers"), QStringLiteral("env")}).mergeKey,
             QStringLiteral("name"));
    const Gvk deployment{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")};
    const auto lookup = registry.patchMetaLookup(deployment);
    QVERIFY(lookup->patchMeta({QStringLiteral("spec"), QStringLiteral("strategy")}).hasStrategy(QStringLiteral("retainKeys")));
    QCOMPARE(lookup->patchMeta({QStringLiteral("spec"), QStringLiteral("template"), QStringLiteral("spec"), QStringLiteral("containers")}).mergeKey,
             QStringLiteral("name"));
    const Gvk service{QString(), QStringLiteral("v1"), QStringLiteral("Service")};
    QCOMPARE(registry.patchMeta(service, {QStringLiteral("spec"), QStringLiteral("ports")}).listMapKeys,
             (QStringList{QStringLiteral("port"), QStringLiteral("protocol")}));
}

void tst_OpenApiRegistry::swaggerDocument()
{
    OpenApiRegistry registry;
    const QJsonObject swagger = parse(registry.swagger().body);
    QCOMPARE(swagger.value(QLatin1String("swagger")).toString(), QStringLiteral("2.0"));
    const QJsonObject definitions = swagger.value(QLatin1String("definitions")).toObject();
    const QJsonObject deployment = definitions.value(QLatin1String("io.k8s.api.apps.v1.Deployment")).toObject();
    QCOMPARE(deployment[QLatin1String("properties")][QLatin1String("metadata")][QLatin1String("$ref")].toString(),
             QStringLiteral("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
    QCOMPARE(definitions[QLatin1String("io.k8s.api.core.v1.ServicePort")][QLatin1String("properties")][QLatin1String("targetPort")]
                 [QLatin1String("$ref")].toString(),
             QStringLiteral("#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString"));
    QCOMPARE(definitions[QLatin1String("io.k8s.apimachinery.pkg.util.intstr.IntOrString")][QLatin1String("format")].toString(),
             QStringLiteral("int-or-string"));
    // Same shape as the real v1.22 swagger for the definition kubectl reads most.
    QCOMPARE(keySet(deployment), keySet(m_swagger.value(QLatin1String("io.k8s.api.apps.v1.Deployment")).toObject()));
    QSet<QString> refs;
    collectRefs(swagger, refs);
    for (const QString &ref : refs)
        QVERIFY2(definitions.contains(ref.mid(14)), qPrintable(ref));
    const QJsonObject patch = swagger[QLatin1String("paths")][QLatin1String("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")]
                                  [QLatin1String("patch")].toObject();
    QVERIFY(patch.value(QLatin1String("consumes")).toArray().contains(QStringLiteral("application/strategic-merge-patch+json")));
    QCOMPARE(patch.value(QLatin1String("operationId")).toString(), QStringLiteral("patchAppsV1NamespacedDeployment"));
}

void tst_OpenApiRegistry::upstreamDirectory()
{
    OpenApiRegistry registry;
    const auto loaded = registry.loadUpstreamDirectory(Qluster::Test::corpus(QStringLiteral("/openapi/v3")));
    if (!loaded)
        QFAIL(qPrintable(loaded.error().toString()));
    QCOMPARE(*loaded, 5);
    QCOMPARE(registry.groupVersion(QStringLiteral("apis/apps/v1"))->body, readFile(QStringLiteral("openapi/v3/apis__apps__v1_openapi.json")));
    QVERIFY(registry.groupVersionPaths().contains(QStringLiteral("apis/discovery.k8s.io/v1")));
    QVERIFY(registry.groupVersionPaths().contains(QStringLiteral("apis/rbac.authorization.k8s.io/v1"))); // still built in
    QVERIFY(parse(registry.index().body).value(QLatin1String("paths")).toObject().contains(QLatin1String("apis/discovery.k8s.io/v1")));
    // Patch metadata now comes from the real schemas, which know fields we do not define.
    const Gvk pod{QString(), QStringLiteral("v1"), QStringLiteral("Pod")};
    QCOMPARE(registry.patchMeta(pod, {QStringLiteral("spec"), QStringLiteral("topologySpreadConstraints")}).mergeKey,
             QStringLiteral("topologyKey"));
    const Gvk slice{QStringLiteral("discovery.k8s.io"), QStringLiteral("v1"), QStringLiteral("EndpointSlice")};
    QVERIFY(!registry.model().schemaNameForGvk(slice).isEmpty());
    const QJsonObject definitions = parse(registry.swagger().body).value(QLatin1String("definitions")).toObject();
    QVERIFY(definitions.contains(QLatin1String("io.k8s.api.discovery.v1.EndpointSlice")));
    QVERIFY(!registry.loadUpstreamDirectory(QStringLiteral("/nonexistent/dir")).has_value());
}

void tst_OpenApiRegistry::customResourceDefinition()
{
    OpenApiRegistry registry;
    const QString before = registry.index().hash;
    const auto added = registry.addCustomResourceDefinition(QJsonDocument::fromJson(kWidgetCrd.toUtf8()).object());
    if (!added)
        QFAIL(qPrintable(added.error().toString()));
    QVERIFY(registry.groupVersionPaths().contains(QStringLiteral("apis/example.com/v1")));
    QVERIFY(registry.index().hash != before);
    const QJsonObject doc = parse(registry.groupVersion(QStringLiteral("apis/example.com/v1"))->body);
    const QJsonObject schemas = doc[QLatin1String("components")][QLatin1String("schemas")].toObject();
    const QJsonObject widget = schemas.value(QLatin1String("com.example.v1.Widget")).toObject();
    QCOMPARE(widget[QLatin1String("x-kubernetes-group-version-kind")][0][QLatin1String("kind")].toString(), QStringLiteral("Widget"));
    QCOMPARE(widget[QLatin1String("properties")][QLatin1String("spec")][QLatin1String("description")].toString(),
             QStringLiteral("What the widget should be."));
    QVERIFY(schemas.contains(QLatin1String("com.example.v1.WidgetList")));
    QVERIFY(schemas.contains(QLatin1String("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")));
    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    QVERIFY(paths.contains(QLatin1String("/apis/example.com/v1/namespaces/{namespace}/widgets/{name}")));
    QVERIFY(paths.contains(QLatin1String("/apis/example.com/v1/namespaces/{namespace}/widgets/{name}/status")));
    QVERIFY(!paths.contains(QLatin1String("/apis/example.com/v1/namespaces/{namespace}/widgets/{name}/scale")));
    QSet<QString> refs;
    collectRefs(doc, refs);
    for (const QString &ref : refs)
        QVERIFY2(schemas.contains(ref.mid(21)), qPrintable(ref));

    const Gvk gvk{QStringLiteral("example.com"), QStringLiteral("v1"), QStringLiteral("Widget")};
    QCOMPARE(registry.patchMeta(gvk, {QStringLiteral("spec"), QStringLiteral("parts")}).listMapKeys, QStringList{QStringLiteral("id")});
    QVERIFY(parse(registry.swagger().body).value(QLatin1String("definitions")).toObject().contains(QLatin1String("com.example.v1.Widget")));

    registry.removeCustomResourceDefinition(QStringLiteral("widgets.example.com"));
    QVERIFY(!registry.groupVersionPaths().contains(QStringLiteral("apis/example.com/v1")));
    QVERIFY(registry.model().schemaNameForGvk(gvk).isEmpty());
    QCOMPARE(registry.index().hash, before);

    QVERIFY(!registry.addCustomResourceDefinition(QJsonObject{{QStringLiteral("spec"), QJsonObject()}}).has_value());
}

void tst_OpenApiRegistry::crdNameRule()
{
    QCOMPARE(OpenApiRegistry::crdSchemaName(QStringLiteral("example.com"), QStringLiteral("v1"), QStringLiteral("Widget")),
             QStringLiteral("com.example.v1.Widget"));
    QCOMPARE(openApiOperationGroup(QStringLiteral("rbac.authorization.k8s.io")), QStringLiteral("RbacAuthorization"));
    QCOMPARE(openApiOperationGroup(QString()), QStringLiteral("Core"));
}

QTEST_GUILESS_MAIN(tst_OpenApiRegistry)
#include "tst_openapiregistry.moc"
