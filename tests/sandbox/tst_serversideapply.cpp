// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandbox/fieldset.h"
#include "testenv.h"
#include "edit/jsonutil.h"
#include "sandbox/serversideapply.h"
#include "edit/yamljson.h"
#include "sandbox/openapiregistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;

namespace {
QJsonObject load(const QString &relative)
{
    return Qluster::Test::corpusJson(relative);
}
QJsonObject yaml(const char *text)
{
    const auto v = yamlToJson(QByteArray(text));
    if (!v)
        qFatal("bad test YAML: %s", qPrintable(v.error().toString()));
    return v->toObject();
}
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}
QByteArray dump(const QJsonValue &v)
{
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
}
QJsonArray managedFields(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject().value(QLatin1String("managedFields")).toArray();
}
QJsonObject entryOf(const QJsonObject &o, const QString &manager)
{
    for (const QJsonValue &v : managedFields(o)) {
        if (v.toObject().value(QLatin1String("manager")).toString() == manager)
            return v.toObject();
    }
    return {};
}
ApplyOptions options(const char *manager, bool force = false, const char *apiVersion = "v1")
{
    ApplyOptions o;
    o.fieldManager = QString::fromLatin1(manager);
    o.force = force;
    o.apiVersion = QString::fromLatin1(apiVersion);
    o.now = QDateTime(QDate(2026, 11, 23), QTime(1, 0, 0), Qt::UTC);
    o.resetFields = {QStringLiteral("status")};
    return o;
}
const Gvk kConfigMap{QString(), QStringLiteral("v1"), QStringLiteral("ConfigMap")};
const Gvk kDeployment{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("Deployment")};

const char *kApplyA = R"(
apiVersion: v1
kind: ConfigMap
metadata:
  name: ssa
  namespace: demo
data:
  k: from-a
)";
} // namespace

class tst_ServerSideApply final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pathStrings();
    void fieldsV1RoundTrip();
    void fieldSetOfAppliedConfig();
    void fieldSetOfDeploymentMatchesServer();
    void setOperations();
    void firstApplyCreatesEntry();
    void conflictLikeRealServer();
    void forceTakesOwnership();
    void sameValueIsShared();
    void keyedListConflictNamesUpdateManager();
    void sharedElementIsNoConflict();
    void unchangedApplyKeepsTime();
    void statusSubresource();
    void beforeFirstApply();
    void droppedFieldsAreRemoved();
    void droppedFieldsOwnedByOthersStay();
    void keyedListMerge();
    void missingFieldManager();
    void recordUpdateOnCreate();
    void recordUpdateTransfersOwnership();
    void recordUpdateRemovedFields();

private:
    OpenApiRegistry m_registry;
};

void tst_ServerSideApply::pathStrings()
{
    QCOMPARE(fieldPathToString({QStringLiteral("f:data"), QStringLiteral("f:k")}), QStringLiteral(".data.k"));
    QCOMPARE(fieldPathToString({QStringLiteral("f:spec"), QStringLiteral("f:containers"), QStringLiteral("k:{\"name\":\"nginx\"}"),
                                QStringLiteral("f:image")}),
             QStringLiteral(".spec.containers[name=\"nginx\"].image"));
    QCOMPARE(fieldPathToString({QStringLiteral("f:ports"), QStringLiteral("k:{\"containerPort\":80,\"protocol\":\"TCP\"}")}),
             QStringLiteral(".ports[containerPort=80,protocol=\"TCP\"]"));
    QCOMPARE(fieldPathToString({QStringLiteral("f:metadata"), QStringLiteral("f:finalizers"), QStringLiteral("v:\"a\"")}),
             QStringLiteral(".metadata.finalizers[=\"a\"]"));
    QCOMPARE(FieldPathElement::key(json(R"({"protocol":"TCP","containerPort":80,"name":"x"})"),
                                   {QStringLiteral("containerPort"), QStringLiteral("protocol")}),
             QStringLiteral("k:{\"containerPort\":80,\"protocol\":\"TCP\"}"));
}

void tst_ServerSideApply::fieldsV1RoundTrip()
{
    const QJsonObject live = load(QStringLiteral("real-1.22/responses/strategic_patch_dryrun_result.json"));
    const auto entries = ManagedFieldsEntry::fromObject(live);
    if (!entries)
        QFAIL(qPrintable(entries.error().toString()));
    QCOMPARE(entries->size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject original = managedFields(live).at(i).toObject();
        QCOMPARE(entries->at(i).toJson(), original);
    }
    QCOMPARE(entries->at(1).displayName(), QStringLiteral("\"curl\" using apps/v1 at 2026-11-23T00:15:30Z"));
    QVERIFY(entries->at(0).fields.contains({QStringLiteral("f:metadata"), QStringLiteral("f:labels")}));
    QVERIFY(!entries->at(0).fields.contains({QStringLiteral("f:metadata")}));
    QVERIFY(!FieldSet::fromFieldsV1(json(R"({"x:bad": {}})")).has_value());
}

void tst_ServerSideApply::fieldSetOfAppliedConfig()
{
    // The same fields the real server recorded for manager-a (ssa_apply_result.json).
    const QJsonObject fixture = load(QStringLiteral("real-1.22/responses/ssa_apply_result.json"));
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto result = serverSideApply(QJsonObject(), yaml(kApplyA), *meta, options("manager-a"));
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QCOMPARE(entryOf(*result, QStringLiteral("manager-a")).value(QLatin1String("fieldsV1")),
             managedFields(fixture).at(0).toObject().value(QLatin1String("fieldsV1")));
    QCOMPARE(entryOf(*result, QStringLiteral("manager-a")).value(QLatin1String("operation")).toString(), QStringLiteral("Apply"));
    QCOMPARE(entryOf(*result, QStringLiteral("manager-a")).value(QLatin1String("time")).toString(), QStringLiteral("2026-11-23T01:00:00Z"));
    QCOMPARE(result->value(QLatin1String("data")).toObject().value(QLatin1String("k")).toString(), QStringLiteral("from-a"));
}

void tst_ServerSideApply::fieldSetOfDeploymentMatchesServer()
{
    // All fields of the captured Deployment, as one set, equal the union the server recorded
    // (kubectl-create + curl), apart from the "." markers the server adds for maps created by
    // an update and the template's creationTimestamp: null that only the output carries.
    QJsonObject live = load(QStringLiteral("real-1.22/responses/strategic_patch_dryrun_result.json"));
    const auto entries = ManagedFieldsEntry::fromObject(live);
    QVERIFY(entries.has_value());
    const FieldSet server = entries->at(0).fields.united(entries->at(1).fields);
    QJsonObject spec = live.value(QLatin1String("spec")).toObject();
    QJsonObject templ = spec.value(QLatin1String("template")).toObject();
    QJsonObject templMeta = templ.value(QLatin1String("metadata")).toObject();
    templMeta.remove(QStringLiteral("creationTimestamp"));
    templ.insert(QStringLiteral("metadata"), templMeta);
    spec.insert(QStringLiteral("template"), templ);
    live.insert(QStringLiteral("spec"), spec);
    live.remove(QStringLiteral("status"));
    const auto meta = m_registry.patchMetaLookup(kDeployment);
    const auto result = recordUpdate(QJsonObject(), live, *meta, options("x", false, "apps/v1"));
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    const FieldSet mine = FieldSet::fromFieldsV1(entryOf(*result, QStringLiteral("x")).value(QLatin1String("fieldsV1")).toObject()).value();
    QVERIFY2(mine.subtracted(server).isEmpty(), dump(mine.subtracted(server).toFieldsV1()).constData());
    const FieldSet missing = server.subtracted(mine);
    for (const FieldPath &path : missing.members())
        QVERIFY2(path.last().startsWith(QLatin1String("f:labels")) || path.last().startsWith(QLatin1String("f:rollingUpdate")),
                 qPrintable(fieldPathToString(path)));
}

void tst_ServerSideApply::setOperations()
{
    FieldSet a;
    a.insert({QStringLiteral("f:data"), QStringLiteral("f:a")});
    a.insert({QStringLiteral("f:data"), QStringLiteral("f:b")});
    FieldSet b;
    b.insert({QStringLiteral("f:data"), QStringLiteral("f:b")});
    b.insert({QStringLiteral("f:spec")});
    QCOMPARE(a.intersected(b).members(), (QList<FieldPath>{{QStringLiteral("f:data"), QStringLiteral("f:b")}}));
    QCOMPARE(a.subtracted(b).leaves(), (QList<FieldPath>{{QStringLiteral("f:data"), QStringLiteral("f:a")}}));
    QCOMPARE(a.united(b).leaves().size(), 3);
    QVERIFY(a.without({{QStringLiteral("f:data")}}).isEmpty());
    QCOMPARE(b.toFieldsV1(), json(R"({"f:data":{"f:b":{}},"f:spec":{}})"));
}

void tst_ServerSideApply::firstApplyCreatesEntry()
{
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto result = serverSideApply(QJsonObject(), yaml(kApplyA), *meta, options("manager-a"));
    QVERIFY(result.has_value());
    QCOMPARE(managedFields(*result).size(), 1);
    QCOMPARE(result->value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("ssa"));
}

void tst_ServerSideApply::conflictLikeRealServer()
{
    const QJsonObject live = load(QStringLiteral("real-1.22/responses/ssa_apply_result.json"));
    const QJsonObject status = load(QStringLiteral("real-1.22/responses/status_409_ssa_field_conflict.json"));
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto result = serverSideApply(live, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa, namespace: demo}\ndata: {k: from-b}\n"),
                                        *meta, options("manager-b"));
    QVERIFY(!result.has_value());
    const Error &e = result.error();
    QCOMPARE(e.httpStatus, status.value(QLatin1String("code")).toInt());
    QCOMPARE(e.reason, status.value(QLatin1String("reason")).toString());
    QCOMPARE(e.message, status.value(QLatin1String("message")).toString());
    const QJsonObject cause = status[QLatin1String("details")][QLatin1String("causes")][0].toObject();
    QCOMPARE(e.causes.size(), 1);
    QCOMPARE(e.causes.first().reason, cause.value(QLatin1String("reason")).toString());
    QCOMPARE(e.causes.first().message, cause.value(QLatin1String("message")).toString());
    QCOMPARE(e.causes.first().field, cause.value(QLatin1String("field")).toString());

    // Two conflicting fields are listed under their manager.
    QJsonObject twoFields = live;
    QJsonObject data = twoFields.value(QLatin1String("data")).toObject();
    data.insert(QStringLiteral("j"), QStringLiteral("from-a"));
    twoFields.insert(QStringLiteral("data"), data);
    const auto seeded = serverSideApply(twoFields, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {k: from-a, j: from-a}\n"),
                                        *meta, options("manager-a"));
    QVERIFY(seeded.has_value());
    const auto two = serverSideApply(*seeded, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {k: b, j: b}\n"),
                                     *meta, options("manager-b"));
    QVERIFY(!two.has_value());
    QCOMPARE(two.error().message, QStringLiteral("Apply failed with 2 conflicts: conflicts with \"manager-a\":\n- .data.j\n- .data.k"));
    QCOMPARE(two.error().causes.size(), 2);
}

void tst_ServerSideApply::forceTakesOwnership()
{
    const QJsonObject live = load(QStringLiteral("real-1.22/responses/ssa_apply_result.json"));
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto result = serverSideApply(live, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {k: from-b}\n"),
                                        *meta, options("manager-b", true));
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QCOMPARE(result->value(QLatin1String("data")).toObject().value(QLatin1String("k")).toString(), QStringLiteral("from-b"));
    QVERIFY(entryOf(*result, QStringLiteral("manager-a")).isEmpty()); // owned nothing any more
    QCOMPARE(entryOf(*result, QStringLiteral("manager-b")).value(QLatin1String("fieldsV1")).toObject(), json(R"({"f:data":{"f:k":{}}})"));
    QCOMPARE(result->value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString(),
             QStringLiteral("462638a2-e610-4dd8-9a36-7ea471ac8263"));
}

void tst_ServerSideApply::sameValueIsShared()
{
    const QJsonObject live = load(QStringLiteral("real-1.22/responses/ssa_apply_result.json"));
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto result = serverSideApply(live, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {k: from-a, other: x}\n"),
                                        *meta, options("manager-b"));
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QCOMPARE(managedFields(*result).size(), 2);
    QCOMPARE(entryOf(*result, QStringLiteral("manager-a")).value(QLatin1String("fieldsV1")).toObject(), json(R"({"f:data":{"f:k":{}}})"));
    QCOMPARE(entryOf(*result, QStringLiteral("manager-b")).value(QLatin1String("fieldsV1")).toObject(),
             json(R"({"f:data":{"f:k":{},"f:other":{}}})"));
}

void tst_ServerSideApply::keyedListConflictNamesUpdateManager()
{
    const QJsonObject live = load(QStringLiteral("real-1.22/responses/strategic_patch_dryrun_result.json"));
    const auto meta = m_registry.patchMetaLookup(kDeployment);
    const auto result = serverSideApply(live, yaml(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: demo}
spec:
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
)"), *meta, options("kubectl", false, "apps/v1"));
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().message,
             QStringLiteral("Apply failed with 1 conflict: conflict with \"curl\" using apps/v1 at 2026-11-23T00:15:30Z: "
                            ".spec.template.spec.containers[name=\"nginx\"].image"));
    // The same image is no conflict, and the manager then co-owns the element.
    const auto same = serverSideApply(live, yaml(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {template: {spec: {containers: [{name: nginx, image: "nginx:1.26"}]}}}
)"), *meta, options("kubectl", false, "apps/v1"));
    if (!same)
        QFAIL(qPrintable(same.error().toString()));
    QCOMPARE(entryOf(*same, QStringLiteral("kubectl")).value(QLatin1String("fieldsV1")).toObject(),
             json(R"({"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{}}}}}}})"));
    QCOMPARE(managedFields(*same).at(0).toObject().value(QLatin1String("operation")).toString(), QStringLiteral("Apply"));
    QCOMPARE(managedFields(*same).size(), 3);
}

void tst_ServerSideApply::sharedElementIsNoConflict()
{
    // kubectl-create owns the nginx element and other fields of it; an apply that sets only
    // fields nobody else owns must not conflict on the element itself.
    const QJsonObject live = load(QStringLiteral("real-1.22/responses/strategic_patch_dryrun_result.json"));
    const auto meta = m_registry.patchMetaLookup(kDeployment);
    const auto result = serverSideApply(live, yaml(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {template: {spec: {containers: [{name: nginx, workingDir: /srv}]}}}
)"), *meta, options("kubectl", false, "apps/v1"));
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    const QJsonObject container = (*result)[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")]
                                      [QLatin1String("containers")][0].toObject();
    QCOMPARE(container.value(QLatin1String("workingDir")).toString(), QStringLiteral("/srv"));
    QCOMPARE(container.value(QLatin1String("image")).toString(), QStringLiteral("nginx:1.26"));
}

void tst_ServerSideApply::unchangedApplyKeepsTime()
{
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto first = serverSideApply(QJsonObject(), yaml(kApplyA), *meta, options("m"));
    QVERIFY(first.has_value());
    ApplyOptions later = options("m");
    later.now = later.now.addSecs(3600);
    const auto again = serverSideApply(*first, yaml(kApplyA), *meta, later);
    QVERIFY(again.has_value());
    QCOMPARE(*again, *first);
    const auto changed = serverSideApply(*first, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {k: from-a, x: y}\n"),
                                         *meta, later);
    QVERIFY(changed.has_value());
    QCOMPARE(entryOf(*changed, QStringLiteral("m")).value(QLatin1String("time")).toString(), QStringLiteral("2026-11-23T02:00:00Z"));
}

void tst_ServerSideApply::statusSubresource()
{
    const auto meta = m_registry.patchMetaLookup(kDeployment);
    const QJsonObject live = load(QStringLiteral("real-1.22/responses/strategic_patch_dryrun_result.json"));
    ApplyOptions status = options("controller", false, "apps/v1");
    status.subresource = QStringLiteral("status");
    status.onlyFields = {QStringLiteral("status")};
    status.resetFields.clear();
    const auto result = serverSideApply(live, yaml(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {ignored: "yes"}}
spec: {replicas: 9}
status: {replicas: 3, readyReplicas: 3}
)"), *meta, status);
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QCOMPARE((*result)[QLatin1String("status")][QLatin1String("readyReplicas")].toInt(), 3);
    QCOMPARE((*result)[QLatin1String("spec")][QLatin1String("replicas")].toInt(), 3);
    QVERIFY(!(*result)[QLatin1String("metadata")][QLatin1String("labels")].toObject().contains(QLatin1String("ignored")));
    const QJsonObject entry = entryOf(*result, QStringLiteral("controller"));
    QCOMPARE(entry.value(QLatin1String("subresource")).toString(), QStringLiteral("status"));
    QCOMPARE(entry.value(QLatin1String("fieldsV1")).toObject(), json(R"({"f:status":{"f:readyReplicas":{},"f:replicas":{}}})"));
}

void tst_ServerSideApply::beforeFirstApply()
{
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const QJsonObject legacy = json(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"old","uid":"u1"},"data":{"a":"1","b":"2"}})");
    const auto conflict = serverSideApply(legacy, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: old}\ndata: {a: changed}\n"),
                                          *meta, options("kubectl"));
    QVERIFY(!conflict.has_value());
    QVERIFY(conflict.error().message.startsWith(QLatin1String("Apply failed with 1 conflict: conflict with \"before-first-apply\" using v1")));
    const auto same = serverSideApply(legacy, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: old}\ndata: {a: '1', c: '3'}\n"),
                                      *meta, options("kubectl"));
    if (!same)
        QFAIL(qPrintable(same.error().toString()));
    QCOMPARE(entryOf(*same, QStringLiteral("before-first-apply")).value(QLatin1String("fieldsV1")).toObject(),
             json(R"({"f:data":{"f:a":{},"f:b":{}}})"));
    QCOMPARE(same->value(QLatin1String("data")).toObject(), json(R"({"a":"1","b":"2","c":"3"})"));
}

void tst_ServerSideApply::droppedFieldsAreRemoved()
{
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto first = serverSideApply(QJsonObject(), yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {a: '1', b: '2'}}\ndata: {x: '1', y: '2'}\n"),
                                       *meta, options("m"));
    QVERIFY(first.has_value());
    const auto second = serverSideApply(*first, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {a: '1'}}\ndata: {x: '1'}\n"),
                                        *meta, options("m"));
    if (!second)
        QFAIL(qPrintable(second.error().toString()));
    QCOMPARE(second->value(QLatin1String("data")).toObject(), json(R"({"x":"1"})"));
    QCOMPARE(second->value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")).toObject(), json(R"({"a":"1"})"));
    QCOMPARE(managedFields(*second).size(), 1);
}

void tst_ServerSideApply::droppedFieldsOwnedByOthersStay()
{
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto first = serverSideApply(QJsonObject(), yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {x: '1', z: '2'}\n"),
                                       *meta, options("m"));
    QVERIFY(first.has_value());
    // Another manager applies the same z: shared ownership.
    const auto shared = serverSideApply(*first, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {z: '2'}\n"),
                                        *meta, options("other"));
    QVERIFY(shared.has_value());
    const auto second = serverSideApply(*shared, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {x: '1'}\n"),
                                        *meta, options("m"));
    QVERIFY(second.has_value());
    QCOMPARE(second->value(QLatin1String("data")).toObject(), json(R"({"x":"1","z":"2"})"));
}

void tst_ServerSideApply::keyedListMerge()
{
    const Gvk pod{QString(), QStringLiteral("v1"), QStringLiteral("Pod")};
    const auto meta = m_registry.patchMetaLookup(pod);
    const auto first = serverSideApply(QJsonObject(), yaml(R"(
apiVersion: v1
kind: Pod
metadata: {name: p, finalizers: [a]}
spec:
  containers:
  - name: web
    image: nginx
    ports: [{containerPort: 80, protocol: TCP}]
)"), *meta, options("a"));
    QVERIFY(first.has_value());
    const auto second = serverSideApply(*first, yaml(R"(
apiVersion: v1
kind: Pod
metadata: {name: p, finalizers: [b]}
spec:
  containers:
  - name: sidecar
    image: busybox
)"), *meta, options("b"));
    if (!second)
        QFAIL(qPrintable(second.error().toString()));
    const QJsonArray containers = (*second)[QLatin1String("spec")][QLatin1String("containers")].toArray();
    QCOMPARE(containers.size(), 2);
    QCOMPARE(containers.at(0)[QLatin1String("name")].toString(), QStringLiteral("web"));
    QCOMPARE(containers.at(1)[QLatin1String("name")].toString(), QStringLiteral("sidecar"));
    QCOMPARE((*second)[QLatin1String("metadata")][QLatin1String("finalizers")].toArray(), (QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
    const QJsonObject aFields = entryOf(*second, QStringLiteral("a")).value(QLatin1String("fieldsV1")).toObject();
    QVERIFY(aFields[QLatin1String("f:metadata")][QLatin1String("f:finalizers")].toObject().contains(QLatin1String("v:\"a\"")));
    QVERIFY(aFields[QLatin1String("f:spec")][QLatin1String("f:containers")][QLatin1String("k:{\"name\":\"web\"}")][QLatin1String("f:ports")]
                .toObject().contains(QLatin1String("k:{\"containerPort\":80,\"protocol\":\"TCP\"}")));
    // "a" drops its container; "b"'s stays.
    const auto third = serverSideApply(*second, yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"), *meta, options("a"));
    QVERIFY(third.has_value());
    const QJsonArray after = (*third)[QLatin1String("spec")][QLatin1String("containers")].toArray();
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.at(0)[QLatin1String("name")].toString(), QStringLiteral("sidecar"));
    QCOMPARE((*third)[QLatin1String("metadata")][QLatin1String("finalizers")].toArray(), QJsonArray{QStringLiteral("b")});
}

void tst_ServerSideApply::missingFieldManager()
{
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto result = serverSideApply(QJsonObject(), yaml(kApplyA), *meta, options(""));
    QVERIFY(!result.has_value());
    QVERIFY(result.error().message.contains(QLatin1String("fieldManager")));
}

void tst_ServerSideApply::recordUpdateOnCreate()
{
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto result = recordUpdate(QJsonObject(), yaml(kApplyA), *meta, options("kubectl-create"));
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    const QJsonObject entry = entryOf(*result, QStringLiteral("kubectl-create"));
    QCOMPARE(entry.value(QLatin1String("operation")).toString(), QStringLiteral("Update"));
    QCOMPARE(entry.value(QLatin1String("apiVersion")).toString(), QStringLiteral("v1"));
    QCOMPARE(entry.value(QLatin1String("fieldsType")).toString(), QStringLiteral("FieldsV1"));
    QCOMPARE(entry.value(QLatin1String("fieldsV1")).toObject(), json(R"({"f:data":{"f:k":{}}})"));
}

void tst_ServerSideApply::recordUpdateTransfersOwnership()
{
    const QJsonObject live = load(QStringLiteral("real-1.22/responses/strategic_patch_dryrun_result.json"));
    QJsonObject scaled = live;
    QJsonObject spec = scaled.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), 5);
    scaled.insert(QStringLiteral("spec"), spec);
    QJsonObject metadata = scaled.value(QLatin1String("metadata")).toObject();
    metadata.remove(QStringLiteral("managedFields")); // the client did not send them
    scaled.insert(QStringLiteral("metadata"), metadata);
    const auto meta = m_registry.patchMetaLookup(kDeployment);
    const auto result = recordUpdate(live, scaled, *meta, options("kubectl-scale", false, "apps/v1"));
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QCOMPARE(managedFields(*result).size(), 3);
    QCOMPARE(entryOf(*result, QStringLiteral("kubectl-scale")).value(QLatin1String("fieldsV1")).toObject(),
             json(R"({"f:spec":{"f:replicas":{}}})"));
    const QJsonObject create = entryOf(*result, QStringLiteral("kubectl-create")).value(QLatin1String("fieldsV1")).toObject();
    QVERIFY(!create[QLatin1String("f:spec")].toObject().contains(QLatin1String("f:replicas")));
    QVERIFY(create[QLatin1String("f:spec")].toObject().contains(QLatin1String("f:revisionHistoryLimit")));
    // Entries stay ordered by time: the new one is last.
    QCOMPARE(managedFields(*result).at(2).toObject().value(QLatin1String("manager")).toString(), QStringLiteral("kubectl-scale"));
}

void tst_ServerSideApply::recordUpdateRemovedFields()
{
    const auto meta = m_registry.patchMetaLookup(kConfigMap);
    const auto created = recordUpdate(QJsonObject(), yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {x: '1', y: '2'}\n"),
                                      *meta, options("a"));
    QVERIFY(created.has_value());
    QJsonObject edited = *created;
    edited.insert(QStringLiteral("data"), json(R"({"x":"1"})"));
    const auto result = recordUpdate(*created, edited, *meta, options("b"));
    QVERIFY(result.has_value());
    QCOMPARE(entryOf(*result, QStringLiteral("a")).value(QLatin1String("fieldsV1")).toObject(), json(R"({"f:data":{"f:x":{}}})"));
    QVERIFY(entryOf(*result, QStringLiteral("b")).isEmpty()); // removing is no ownership
}

QTEST_GUILESS_MAIN(tst_ServerSideApply)
#include "tst_serversideapply.moc"
