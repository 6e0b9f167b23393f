// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The sandbox's protobuf request bodies: the schema file against the upstream OpenAPI documents,
// the table-driven decoder on messages built by a tiny encoder here, and malformed input.

#include "sandbox/protobufbody.h"
#include "testenv.h"
#include "sandbox/protobufschema.h"
#include "sandbox/resourcetypes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <cstring>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;

namespace {

// A minimal protobuf encoder: enough to write what kubectl's typed clients write.
QByteArray varint(quint64 v)
{
    QByteArray out;
    do {
        quint8 b = v & 0x7f;
        v >>= 7;
        if (v)
            b |= 0x80;
        out += char(b);
    } while (v);
    return out;
}

QByteArray key(int field, int wireType)
{
    return varint((quint64(field) << 3) | quint64(wireType));
}

QByteArray num(int field, qint64 v)
{
    return key(field, 0) + varint(quint64(v));
}

QByteArray len(int field, const QByteArray &payload)
{
    return key(field, 2) + varint(quint64(payload.size())) + payload;
}

QByteArray str(int field, const char *text)
{
    return len(field, QByteArray(text));
}

QByteArray dbl(int field, double d)
{
    quint64 bits = 0;
    std::memcpy(&bits, &d, 8);
    QByteArray out = key(field, 1);
    for (int i = 0; i < 8; ++i)
        out += char((bits >> (8 * i)) & 0xff);
    return out;
}

QByteArray entry(int field, const char *k, const QByteArray &value)
{
    return len(field, str(1, k) + len(2, value));
}

QByteArray intOrString(int field, int i)
{
    return len(field, num(1, 0) + num(2, i));
}

QByteArray intOrString(int field, const char *s)
{
    return len(field, num(1, 1) + num(2, 0) + str(3, s));
}


QByteArray envelope(const char *apiVersion, const char *kind, const QByteArray &raw)
{
    return QByteArray("k8s\0", 4) + len(1, str(1, apiVersion) + str(2, kind)) + len(2, raw);
}

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s", qPrintable(error.errorString()));
    return doc.object();
}

QString pretty(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson());
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson());
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

const ProtobufSchema &schema()
{
    const auto &s = ProtobufSchema::kubernetes();
    if (!s)
        qFatal("schema: %s", qPrintable(s.error().toString()));
    return *s;
}

QJsonObject readJson(const QString &relative)
{
    QFile f(Qluster::Test::corpus(QStringLiteral("/")) + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The OpenAPI schema a $ref or allOf[$ref] names ("io.k8s.api.core.v1.PodSpec"), or "".
QString refName(const QJsonObject &property)
{
    QString ref = property.value(QLatin1String("$ref")).toString();
    if (ref.isEmpty())
        ref = property.value(QLatin1String("allOf")).toArray().at(0).toObject().value(QLatin1String("$ref")).toString();
    return ref.section(QLatin1Char('/'), -1);
}

QString openApiName(const QString &messageName)
{
    return QStringLiteral("io.k8s.") + messageName.mid(QStringLiteral("k8s.io.").size());
}

// Why a schema field does not fit an OpenAPI property, or "" when it does.
QString mismatch(const ProtobufField &f, const QJsonObject &property, bool element = false)
{
    const QString type = property.value(QLatin1String("type")).toString();
    const QString format = property.value(QLatin1String("format")).toString();
    if (!element && f.map) {
        if (type != QLatin1String("object") || !property.contains(QLatin1String("additionalProperties")))
            return QStringLiteral("map, OpenAPI has ") + type;
        return mismatch(f, property.value(QLatin1String("additionalProperties")).toObject(), true);
    }
    if (!element && f.repeated) {
        if (type != QLatin1String("array"))
            return QStringLiteral("repeated, OpenAPI has ") + type;
        return mismatch(f, property.value(QLatin1String("items")).toObject(), true);
    }
    switch (f.type) {
    case ProtobufField::Type::Message:
        return refName(property) == openApiName(f.messageName) ? QString() : QStringLiteral("message %1, OpenAPI has %2").arg(f.messageName, refName(property) + type);
    case ProtobufField::Type::String:
        return type == QLatin1String("string") && format != QLatin1String("byte") ? QString() : QStringLiteral("string, OpenAPI has ") + type + format;
    case ProtobufField::Type::Bytes:
        return type == QLatin1String("string") && format == QLatin1String("byte") ? QString() : QStringLiteral("bytes, OpenAPI has ") + type + format;
    case ProtobufField::Type::Int32:
        return type == QLatin1String("integer") && format == QLatin1String("int32") ? QString() : QStringLiteral("int32, OpenAPI has ") + type + format;
    case ProtobufField::Type::Int64:
        return type == QLatin1String("integer") && format == QLatin1String("int64") ? QString() : QStringLiteral("int64, OpenAPI has ") + type + format;
    case ProtobufField::Type::Bool:
        return type == QLatin1String("boolean") ? QString() : QStringLiteral("bool, OpenAPI has ") + type;
    case ProtobufField::Type::Double:
        return type == QLatin1String("number") ? QString() : QStringLiteral("double, OpenAPI has ") + type;
    }
    return QStringLiteral("unknown type");
}

// Every field a message shows in JSON, inline fields expanded.
QList<const ProtobufField *> jsonFields(const ProtobufSchema &s, const ProtobufMessage &m)
{
    QList<const ProtobufField *> out;
    for (const ProtobufField &f : m.fields) {
        if (f.inlined)
            out += jsonFields(s, *s.message(f.messageName));
        else
            out << &f;
    }
    return out;
}

// A Deployment as `kubectl create deployment` builds it, with more of the pod spec filled in.
QByteArray deploymentMessage()
{
    const QByteArray time = len(8, num(1, 1767225600)); // 2026-01-01T00:00:00Z
    const QByteArray owner = str(5, "apps/v1") + str(1, "Thing") + str(3, "owner") + str(4, "u-1") + num(6, 1);
    const QByteArray meta = str(1, "web") + str(3, "shop") + time + entry(11, "app", "web") + entry(12, "note", "a=b")
                            + len(13, owner) + str(14, "example.com/guard");
    const QByteArray probe = len(1, len(2, str(1, "/healthz") + intOrString(2, "http") + str(4, "HTTP")))
                             + num(2, 0) + num(3, 5) + num(7, 0);
    const QByteArray container
        = str(1, "app") + str(2, "nginx:1.27") + str(3, "sh") + str(3, "-c") + str(4, "run") + str(5, "")
          + len(6, str(1, "http") + num(3, 8080) + str(4, "TCP"))
          + len(7, str(1, "MODE") + str(2, "demo"))
          + len(7, str(1, "POD") + len(3, len(1, str(2, "metadata.name"))))
          + len(7, str(1, "PASS") + len(3, len(4, len(1, str(1, "creds")) + str(2, "password"))))
          + len(19, str(1, "CFG_") + len(2, len(1, str(1, "settings")) + num(2, 1)))
          + len(8, entry(1, "cpu", str(1, "500m")) + entry(2, "memory", str(1, "64Mi")))
          + len(9, str(1, "conf") + num(2, 1) + str(3, "/etc/conf"))
          + len(10, probe) + str(14, "IfNotPresent")
          + len(15, num(4, 0) + num(5, 1) + num(6, 0) + len(1, str(2, "ALL")))
          + num(16, 0) + num(18, 0);
    const QByteArray podSpec = len(1, str(1, "conf") + len(2, len(19, len(1, str(1, "settings")) + num(3, 420))))
                               + len(2, container) + str(3, "Always") + num(4, 30) + str(6, "ClusterFirst")
                               + len(14, num(4, 1000) + num(4, 2000)) + len(14, len(4, varint(3000)))
                               + len(22, str(1, "dedicated") + str(2, "Equal") + str(3, "web") + str(4, "NoSchedule"))
                               + num(25, -5);
    const QByteArray templ = len(1, len(8, {}) + entry(11, "app", "web")) + len(2, podSpec);
    const QByteArray spec = num(1, 0) + len(2, entry(1, "app", "web")) + len(3, templ)
                            + len(4, str(1, "RollingUpdate") + len(2, intOrString(1, "25%") + intOrString(2, 1)))
                            + num(5, 0) + num(6, 3) + num(7, 0);
    const QByteArray status = num(1, 0) + num(2, 0) + num(3, 0);
    return len(1, meta) + len(2, spec) + len(3, status);
}

const char deploymentJson[] = R"({
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": {"name": "web", "namespace": "shop", "creationTimestamp": "2026-01-01T00:00:00Z",
               "labels": {"app": "web"}, "annotations": {"note": "a=b"},
               "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Thing", "name": "owner", "uid": "u-1", "controller": true}],
               "finalizers": ["example.com/guard"]},
  "spec": {
    "replicas": 0,
    "selector": {"matchLabels": {"app": "web"}},
    "template": {
      "metadata": {"labels": {"app": "web"}},
      "spec": {
        "volumes": [{"name": "conf", "configMap": {"name": "settings", "defaultMode": 420}}],
        "containers": [{
          "name": "app", "image": "nginx:1.27", "command": ["sh", "-c"], "args": ["run"],
          "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}],
          "env": [{"name": "MODE", "value": "demo"},
                  {"name": "POD", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
                  {"name": "PASS", "valueFrom": {"secretKeyRef": {"name": "creds", "key": "password"}}}],
          "envFrom": [{"prefix": "CFG_", "configMapRef": {"name": "settings", "optional": true}}],
          "resources": {"limits": {"cpu": "500m"}, "requests": {"memory": "64Mi"}},
          "volumeMounts": [{"name": "conf", "readOnly": true, "mountPath": "/etc/conf"}],
          "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http", "scheme": "HTTP"}, "timeoutSeconds": 5,
                            "terminationGracePeriodSeconds": 0},
          "imagePullPolicy": "IfNotPresent",
          "securityContext": {"runAsUser": 0, "runAsNonRoot": true, "readOnlyRootFilesystem": false,
                              "capabilities": {"drop": ["ALL"]}}
        }],
        "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
        "securityContext": {"supplementalGroups": [1000, 2000, 3000]},
        "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule"}],
        "priority": -5
      }
    },
    "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": 1}},
    "revisionHistoryLimit": 3
  },
  "status": {}
})";

} // namespace

class tst_ProtobufBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schemaLoads()
    {
        const auto &s = ProtobufSchema::kubernetes();
        QVERIFY2(s.has_value(), s ? "" : qPrintable(s.error().toString()));
        QVERIFY(s->messageNames().size() > 150);
    }

    // Every top-level kind is one the sandbox serves (or a review it answers), and every kind
    // kubectl's typed clients create among the served ones has a descriptor.
    void kindsAreTheServedOnes()
    {
        QSet<QString> served;
        for (const ResourceType &t : builtinResourceTypes())
            served << t.groupVersion() + QLatin1Char('/') + t.kind;
        served << QStringLiteral("authorization.k8s.io/v1/SelfSubjectAccessReview")
               << QStringLiteral("authorization.k8s.io/v1/SelfSubjectRulesReview")
               << QStringLiteral("authentication.k8s.io/v1/SelfSubjectReview")
               << QStringLiteral("authentication.k8s.io/v1/TokenRequest");
        const QStringList kinds = schema().kinds();
        for (const QString &k : kinds)
            QVERIFY2(served.contains(k), qPrintable(k + QStringLiteral(" is not served by the sandbox")));
        for (const char *k : {"v1/Namespace", "v1/ConfigMap", "v1/Secret", "v1/ServiceAccount", "v1/Service", "v1/Pod",
                              "v1/ResourceQuota", "apps/v1/Deployment", "batch/v1/Job", "batch/v1/CronJob",
                              "networking.k8s.io/v1/Ingress", "policy/v1/PodDisruptionBudget",
                              "scheduling.k8s.io/v1/PriorityClass", "autoscaling/v2/HorizontalPodAutoscaler",
                              "authentication.k8s.io/v1/TokenRequest", "authentication.k8s.io/v1/SelfSubjectReview",
                              "rbac.authorization.k8s.io/v1/Role", "rbac.authorization.k8s.io/v1/ClusterRole",
                              "rbac.authorization.k8s.io/v1/RoleBinding", "rbac.authorization.k8s.io/v1/ClusterRoleBinding"})
            QVERIFY2(kinds.contains(QLatin1String(k)), k);
    }

    // Names, scalar types, repeatedness and message types agree with the real OpenAPI documents
    // (recent v3 documents for core, apps and batch; the v1.22 swagger for the other groups). A
    // property upstream has must be in the schema unless it is left out on purpose.
    void schemaAgreesWithUpstreamOpenApi()
    {
        QJsonObject upstream;
        for (const char *doc : {"openapi/v3/api__v1_openapi.json", "openapi/v3/apis__apps__v1_openapi.json",
                                "openapi/v3/apis__batch__v1_openapi.json"}) {
            const QJsonObject schemas = readJson(QLatin1String(doc)).value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
            for (auto it = schemas.begin(); it != schemas.end(); ++it)
                upstream.insert(it.key(), it.value());
        }
        const QJsonObject swagger = readJson(QStringLiteral("real-1.22/openapi/swagger.json")).value(QLatin1String("definitions")).toObject();
        for (auto it = swagger.begin(); it != swagger.end(); ++it) {
            if (!upstream.contains(it.key()))
                upstream.insert(it.key(), it.value());
        }
        // Left out on purpose (listed in kubernetesapi.proto): the decoder rejects them.
        const QSet<QString> leftOut{
            QStringLiteral("io.k8s.api.core.v1.PodSpec.ephemeralContainers"),
            QStringLiteral("io.k8s.api.core.v1.EnvVarSource.fileKeyRef"),
            QStringLiteral("io.k8s.api.core.v1.VolumeProjection.podCertificate"),
            QStringLiteral("io.k8s.api.core.v1.VolumeMountStatus.volumeStatus"),
            QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.clusterName"),
            // Removed upstream in 1.31 (kubectl 1.32 cannot send it).
            QStringLiteral("io.k8s.api.core.v1.PodResourceClaim.source")};
        const QSet<QString> legacyVolumes{
            QStringLiteral("awsElasticBlockStore"), QStringLiteral("azureDisk"), QStringLiteral("azureFile"), QStringLiteral("cephfs"),
            QStringLiteral("cinder"), QStringLiteral("ephemeral"), QStringLiteral("fc"), QStringLiteral("flexVolume"),
            QStringLiteral("flocker"), QStringLiteral("gcePersistentDisk"), QStringLiteral("glusterfs"), QStringLiteral("iscsi"),
            QStringLiteral("photonPersistentDisk"), QStringLiteral("portworxVolume"), QStringLiteral("quobyte"), QStringLiteral("rbd"),
            QStringLiteral("scaleIO"), QStringLiteral("storageos"), QStringLiteral("vsphereVolume")};
        int checkedMessages = 0;
        int checkedFields = 0;
        for (const QString &name : schema().messageNames()) {
            const ProtobufMessage &m = *schema().message(name);
            const QString apiName = openApiName(name);
            const QJsonObject properties = upstream.value(apiName).toObject().value(QLatin1String("properties")).toObject();
            if (properties.isEmpty())
                continue; // newer than the documents, or a special type (Time, Quantity, ...)
            ++checkedMessages;
            const auto fields = jsonFields(schema(), m);
            const bool isKind = m.fieldNamed(QStringLiteral("metadata")) != nullptr;
            for (auto p = properties.begin(); p != properties.end(); ++p) {
                const auto found = std::find_if(fields.begin(), fields.end(), [&](const ProtobufField *f) { return f->jsonName == p.key(); });
                if (found == fields.end()) {
                    const bool typeMeta = isKind && (p.key() == QLatin1String("apiVersion") || p.key() == QLatin1String("kind"));
                    const bool legacyVolume = apiName == QLatin1String("io.k8s.api.core.v1.Volume") && legacyVolumes.contains(p.key());
                    QVERIFY2(typeMeta || legacyVolume || leftOut.contains(apiName + QLatin1Char('.') + p.key()),
                             qPrintable(QStringLiteral("%1.%2 is missing from kubernetesapi.proto").arg(name, p.key())));
                    continue;
                }
                // Ingress status got its own load balancer types in 1.26 (same wire format).
                if (apiName + QLatin1Char('.') + p.key() == QLatin1String("io.k8s.api.networking.v1.IngressStatus.loadBalancer"))
                    continue;
                // UserInfo.extra: map<string, ExtraValue> on the wire, map of string arrays in JSON.
                if (apiName + QLatin1Char('.') + p.key() == QLatin1String("io.k8s.api.authentication.v1.UserInfo.extra")) {
                    const QJsonObject values = p.value().toObject().value(QLatin1String("additionalProperties")).toObject();
                    QVERIFY((*found)->map && (*found)->messageName == QLatin1String("k8s.io.api.authentication.v1.ExtraValue"));
                    QCOMPARE(values.value(QLatin1String("type")).toString(), QStringLiteral("array"));
                    continue;
                }
                const QString why = mismatch(**found, p.value().toObject());
                QVERIFY2(why.isEmpty(), qPrintable(QStringLiteral("%1.%2: %3").arg(name, p.key(), why)));
                ++checkedFields;
            }
        }
        qInfo("checked %d messages and %d fields against the OpenAPI documents", checkedMessages, checkedFields);
        QVERIFY2(checkedMessages >= 150, qPrintable(QString::number(checkedMessages)));
        QVERIFY2(checkedFields >= 600, qPrintable(QString::number(checkedFields)));
    }

    void schemaParseErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown type") << QByteArray("package a;\nmessage M {\n  optional Nope n = 1;\n}\n") << QStringLiteral("a.M.n names the unknown type a.Nope");
        QTest::newRow("number twice") << QByteArray("package a;\nmessage M {\n  optional string x = 1;\n  optional string y = 1;\n}\n") << QStringLiteral("field number 1 is used twice in a.M");
        QTest::newRow("name twice") << QByteArray("package a;\nmessage M {\n  optional string x = 1;\n  optional int32 x = 2;\n}\n") << QStringLiteral("field name x is used twice");
        QTest::newRow("bad number") << QByteArray("package a;\nmessage M {\n  optional string x = 0;\n}\n") << QStringLiteral("invalid field number '0'");
        QTest::newRow("emitzero on message") << QByteArray("package a;\nmessage M {\n  optional M x = 1 [emitzero];\n}\n") << QStringLiteral("option 'emitzero' does not apply to x");
        QTest::newRow("inline on scalar") << QByteArray("package a;\nmessage M {\n  optional string x = 1 [inline];\n}\n") << QStringLiteral("option 'inline' does not apply to x");
        QTest::newRow("int map key") << QByteArray("package a;\nmessage M {\n  map<int32, string> x = 1;\n}\n") << QStringLiteral("only map<string, ...> is supported");
        QTest::newRow("kind without apiVersion") << QByteArray("package a;\nkind M;\n") << QStringLiteral("kind M in a package without an apiVersion");
        QTest::newRow("kind without message") << QByteArray("package a \"v1\";\nkind M;\n") << QStringLiteral("kind a.M has no message");
        QTest::newRow("unclosed") << QByteArray("package a;\nmessage M {\n  optional string x = 1;\n") << QStringLiteral("message a.M is not closed");
        QTest::newRow("stray") << QByteArray("package a;\nenum E {}\n") << QStringLiteral("expected package, kind or message, found 'enum'");
        QTest::newRow("character") << QByteArray("package a;\nmessage M { optional string x = 1; } #\n") << QStringLiteral("unexpected character '#'");
    }

    void schemaParseErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const auto parsed = ProtobufSchema::parse(text);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message.contains(error), qPrintable(parsed.error().toString()));
    }

    void schemaParsesUpstreamSpelling()
    {
        // Leading-dot and dotted references as the upstream files write them; comments.
        const auto parsed = ProtobufSchema::parse("// c\npackage x.y \"g/v1\"; kind K;\nmessage K {\n"
                                                  "  optional .x.y.Inner a = 1; // trailing\n  optional x.y.Inner b = 2;\n"
                                                  "  map<string, Inner> c = 3;\n  repeated int64 d = 4;\n}\nmessage Inner {\n  optional bool on = 1 [emitzero];\n}\n");
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
        QCOMPARE(parsed->messageForKind(QStringLiteral("g/v1"), QStringLiteral("K")), QStringLiteral("x.y.K"));
        const ProtobufMessage *k = parsed->message(QStringLiteral("x.y.K"));
        QVERIFY(k);
        QCOMPARE(k->field(1)->messageName, QStringLiteral("x.y.Inner"));
        QCOMPARE(k->field(2)->messageName, QStringLiteral("x.y.Inner"));
        QVERIFY(k->field(3)->map);
        QVERIFY(k->field(4)->repeated);
        QVERIFY(parsed->message(QStringLiteral("x.y.Inner"))->field(1)->emitZero);
    }

    void decodesDeployment()
    {
        const auto decoded = decodeProtobufBody(envelope("apps/v1", "Deployment", deploymentMessage()));
        QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().toString()));
        const QJsonObject expected = json(deploymentJson);
        QVERIFY2(*decoded == expected, qPrintable(QStringLiteral("got\n%1\nexpected\n%2").arg(pretty(*decoded), pretty(expected))));
    }

    void decodesRbacAndIngress_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray meta = len(1, str(1, "x"));
        QTest::newRow("Role") << envelope("rbac.authorization.k8s.io/v1", "Role",
                                          meta + len(2, str(1, "get") + str(1, "list") + str(2, "") + str(2, "apps") + str(3, "pods") + str(4, "web")))
                              << QByteArray(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"x"},
                                   "rules":[{"verbs":["get","list"],"apiGroups":["","apps"],"resources":["pods"],"resourceNames":["web"]}]})");
        QTest::newRow("ClusterRole aggregation") << envelope("rbac.authorization.k8s.io/v1", "ClusterRole",
                                                             meta + len(2, str(1, "get") + str(5, "/logs")) + len(3, len(1, entry(1, "rbac.example.com/agg", "true"))))
                                                 << QByteArray(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"x"},
                                   "rules":[{"verbs":["get"],"nonResourceURLs":["/logs"]}],
                                   "aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.example.com/agg":"true"}}]}})");
        QTest::newRow("RoleBinding") << envelope("rbac.authorization.k8s.io/v1", "RoleBinding",
                                                 meta + len(2, str(1, "User") + str(2, "rbac.authorization.k8s.io") + str(3, "alice"))
                                                     + len(2, str(1, "ServiceAccount") + str(2, "") + str(3, "bot") + str(4, "team"))
                                                     + len(3, str(1, "rbac.authorization.k8s.io") + str(2, "Role") + str(3, "reader")))
                                     << QByteArray(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"x"},
                                   "subjects":[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"alice"},
                                               {"kind":"ServiceAccount","name":"bot","namespace":"team"}],
                                   "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"reader"}})");
        const QByteArray backend = len(4, str(1, "svc") + len(2, str(1, "") + num(2, 8080)));
        QTest::newRow("Ingress") << envelope("networking.k8s.io/v1", "Ingress",
                                             meta + len(2, str(4, "nginx") + len(1, len(4, str(1, "default") + len(2, str(1, "http"))))
                                                           + len(2, str(1, "foo.com") + str(2, "tls-secret"))
                                                           + len(3, str(1, "foo.com") + len(2, len(1, len(1, str(1, "/bar") + str(3, "Prefix") + len(2, backend))))))
                                                 + len(3, len(1, {})))
                                 << QByteArray(R"({"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"x"},
                                   "spec":{"ingressClassName":"nginx","defaultBackend":{"service":{"name":"default","port":{"name":"http"}}},
                                           "tls":[{"hosts":["foo.com"],"secretName":"tls-secret"}],
                                           "rules":[{"host":"foo.com","http":{"paths":[{"path":"/bar","pathType":"Prefix",
                                                     "backend":{"service":{"name":"svc","port":{"number":8080}}}}]}}]},
                                   "status":{"loadBalancer":{}}})");
        QTest::newRow("Secret") << envelope("v1", "Secret", meta + entry(2, "key", QByteArray("\x00\xff", 2)) + str(3, "Opaque") + num(5, 0))
                                << QByteArray(R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"},"data":{"key":"AP8="},
                                   "type":"Opaque","immutable":false})");
        QTest::newRow("ConfigMap") << envelope("v1", "ConfigMap", meta + entry(2, "a", "1") + entry(2, "a", "2") + entry(3, "bin", "\x01"))
                                   << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"2"},"binaryData":{"bin":"AQ=="}})");
        QTest::newRow("Service") << envelope("v1", "Service",
                                             meta + len(2, len(1, str(1, "80-8080") + str(2, "TCP") + num(3, 80) + intOrString(4, 8080) + num(5, 30080))
                                                           + entry(2, "app", "x") + str(3, "") + str(4, "NodePort") + str(10, "")
                                                           + num(20, 0))
                                                 + len(3, len(1, {})))
                                 << QByteArray(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"x"},
                                   "spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080,"nodePort":30080}],
                                           "selector":{"app":"x"},"type":"NodePort","allocateLoadBalancerNodePorts":false},
                                   "status":{"loadBalancer":{}}})");
        QTest::newRow("CronJob") << envelope("batch/v1", "CronJob",
                                             meta + len(2, str(1, "*/5 * * * *") + num(4, 0)
                                                           + len(5, len(1, str(1, "x")) + len(2, num(7, 0) + len(6, len(2, str(3, "OnFailure"))))))
                                                 + len(3, {}))
                                 << QByteArray(R"({"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"x"},
                                   "spec":{"schedule":"*/5 * * * *","suspend":false,
                                           "jobTemplate":{"metadata":{"name":"x"},"spec":{"backoffLimit":0,"template":{"spec":{"restartPolicy":"OnFailure"}}}}},
                                   "status":{}})");
        QTest::newRow("SelfSubjectAccessReview") << envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview",
                                                             len(1, {}) + len(2, len(1, str(1, "team") + str(2, "delete") + str(5, "pods"))) + len(3, num(1, 0)))
                                                 << QByteArray(R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","metadata":{},
                                   "spec":{"resourceAttributes":{"namespace":"team","verb":"delete","resource":"pods"}},"status":{"allowed":false}})");
        QTest::newRow("SelfSubjectRulesReview") << envelope("authorization.k8s.io/v1", "SelfSubjectRulesReview", len(1, {}) + len(2, str(1, "team")))
                                                << QByteArray(R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","metadata":{},
                                   "spec":{"namespace":"team"}})");
    }

    void decodesRbacAndIngress()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        const auto decoded = decodeProtobufBody(body);
        QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().toString()));
        const QJsonObject want = json(expected.constData());
        QVERIFY2(*decoded == want, qPrintable(QStringLiteral("got\n%1\nexpected\n%2").arg(pretty(*decoded), pretty(want))));
    }

    void specialMessages_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QJsonValue>("expected");
        const QString intstr = QStringLiteral("k8s.io.apimachinery.pkg.util.intstr.IntOrString");
        const QString meta = QStringLiteral("k8s.io.apimachinery.pkg.apis.meta.v1.");
        QTest::newRow("int") << intstr << (num(1, 0) + num(2, 443)) << QJsonValue(443);
        QTest::newRow("int zero") << intstr << QByteArray() << QJsonValue(0);
        QTest::newRow("string") << intstr << (num(1, 1) + str(3, "25%")) << QJsonValue(QStringLiteral("25%"));
        QTest::newRow("quantity") << QStringLiteral("k8s.io.apimachinery.pkg.api.resource.Quantity") << str(1, "1536Mi") << QJsonValue(QStringLiteral("1536Mi"));
        QTest::newRow("zero quantity") << QStringLiteral("k8s.io.apimachinery.pkg.api.resource.Quantity") << QByteArray() << QJsonValue(QStringLiteral("0"));
        QTest::newRow("time") << meta + QLatin1String("Time") << (num(1, 1767225600) + num(2, 123456789)) << QJsonValue(QStringLiteral("2026-01-01T00:00:00Z"));
        QTest::newRow("epoch") << meta + QLatin1String("Time") << num(1, 0) << QJsonValue(QStringLiteral("1970-01-01T00:00:00Z"));
        QTest::newRow("zero time") << meta + QLatin1String("Time") << QByteArray() << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("before epoch") << meta + QLatin1String("Time") << num(1, -86400) << QJsonValue(QStringLiteral("1969-12-31T00:00:00Z"));
        QTest::newRow("micro time") << meta + QLatin1String("MicroTime") << (num(1, 1767225600) + num(2, 123456789)) << QJsonValue(QStringLiteral("2026-01-01T00:00:00.123456Z"));
        QTest::newRow("micro time whole") << meta + QLatin1String("MicroTime") << num(1, 1767225600) << QJsonValue(QStringLiteral("2026-01-01T00:00:00.000000Z"));
        // The values Go's time.Duration.String() gives.
        const QString duration = meta + QLatin1String("Duration");
        QTest::newRow("0s") << duration << QByteArray() << QJsonValue(QStringLiteral("0s"));
        QTest::newRow("1ns") << duration << num(1, 1) << QJsonValue(QStringLiteral("1ns"));
        QTest::newRow("1.5µs") << duration << num(1, 1500) << QJsonValue(QString(QStringLiteral("1.5") + QChar(0x00B5) + QLatin1Char('s')));
        QTest::newRow("1.1ms") << duration << num(1, 1100000) << QJsonValue(QStringLiteral("1.1ms"));
        QTest::newRow("1.5s") << duration << num(1, 1500000000) << QJsonValue(QStringLiteral("1.5s"));
        QTest::newRow("1m0s") << duration << num(1, 60000000000LL) << QJsonValue(QStringLiteral("1m0s"));
        QTest::newRow("1h30m0s") << duration << num(1, 5400000000000LL) << QJsonValue(QStringLiteral("1h30m0s"));
        QTest::newRow("2h0m0.001s") << duration << num(1, 7200001000000LL) << QJsonValue(QStringLiteral("2h0m0.001s"));
        QTest::newRow("-3s") << duration << num(1, -3000000000LL) << QJsonValue(QStringLiteral("-3s"));
        QTest::newRow("raw extension") << QStringLiteral("k8s.io.apimachinery.pkg.runtime.RawExtension") << str(1, R"({"kind":"X","a":[1,2]})")
                                       << QJsonValue(json(R"({"kind":"X","a":[1,2]})"));
        QTest::newRow("empty raw extension") << QStringLiteral("k8s.io.apimachinery.pkg.runtime.RawExtension") << QByteArray() << QJsonValue(QJsonValue::Null);
        QTest::newRow("fieldsV1") << meta + QLatin1String("FieldsV1") << str(1, R"({"f:data":{"f:a":{}}})") << QJsonValue(json(R"({"f:data":{"f:a":{}}})"));
    }

    void specialMessages()
    {
        QFETCH(QString, message);
        QFETCH(QByteArray, bytes);
        QFETCH(QJsonValue, expected);
        const auto decoded = decodeProtobufMessage(schema(), message, bytes);
        QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().toString()));
        QVERIFY2(*decoded == expected, qPrintable(pretty(*decoded)));
    }

    // Proto semantics kubectl never relies on but a decoder must honour: the last scalar wins,
    // pieces of a message field merge, repeated scalars may be packed, int32 is sign-extended,
    // doubles are little-endian.
    void wireSemantics()
    {
        const QString pod = QStringLiteral("k8s.io.api.core.v1.Pod");
        const auto merged = decodeProtobufMessage(schema(), pod, len(1, str(1, "a") + entry(11, "x", "1")) + len(1, str(1, "b") + entry(11, "y", "2")));
        QVERIFY2(merged, merged ? "" : qPrintable(merged.error().toString()));
        QCOMPARE(merged->toObject(), json(R"({"metadata":{"name":"b","labels":{"x":"1","y":"2"}}})"));

        const auto negative = decodeProtobufMessage(schema(), QStringLiteral("k8s.io.api.core.v1.PodSpec"), num(25, -2147483648LL));
        QVERIFY(negative);
        QCOMPARE(negative->toObject().value(QLatin1String("priority")).toInteger(), -2147483648LL);

        const auto big = decodeProtobufMessage(schema(), QStringLiteral("k8s.io.api.core.v1.PodSecurityContext"),
                                               num(2, 9007199254740993LL) + len(4, varint(1) + varint(2)) + num(4, 3));
        QVERIFY(big);
        QCOMPARE(big->toObject().value(QLatin1String("runAsUser")).toInteger(), 9007199254740993LL);
        QCOMPARE(big->toObject().value(QLatin1String("supplementalGroups")).toArray(), (QJsonArray{1, 2, 3}));

        // A test-only schema for the scalar types the Kubernetes messages do not use.
        const auto s = ProtobufSchema::parse("package t;\nmessage M {\n  optional double d = 1;\n  repeated double ds = 2;\n"
                                             "  repeated bool flags = 3;\n  optional bytes b = 4 [emitzero];\n}\n");
        QVERIFY(s);
        QByteArray packedDoubles;
        for (double d : {0.5, -2.0}) {
            const QByteArray one = dbl(9, d);
            packedDoubles += one.mid(1);
        }
        const auto scalars = decodeProtobufMessage(*s, QStringLiteral("t.M"), dbl(1, 2.25) + len(2, packedDoubles) + dbl(2, 8) + num(3, 1) + len(3, varint(0) + varint(1)) + len(4, {}));
        QVERIFY2(scalars, scalars ? "" : qPrintable(scalars.error().toString()));
        QCOMPARE(scalars->toObject(), json(R"({"d":2.25,"ds":[0.5,-2,8],"flags":[true,false,true],"b":""})"));
    }

    void zeroValues()
    {
        // Omitted unless the Go field is a pointer or has no omitempty ([emitzero]).
        const auto c = decodeProtobufMessage(schema(), QStringLiteral("k8s.io.api.core.v1.Container"),
                                             str(1, "") + str(2, "") + str(5, "") + num(16, 0) + len(15, num(2, 0) + num(4, 0)));
        QVERIFY(c);
        QCOMPARE(c->toObject(), json(R"({"name":"","securityContext":{"privileged":false,"runAsUser":0}})"));
        const auto spec = decodeProtobufMessage(schema(), QStringLiteral("k8s.io.api.apps.v1.DeploymentSpec"), num(1, 0) + num(5, 0) + num(7, 0));
        QVERIFY(spec);
        QCOMPARE(spec->toObject(), json(R"({"replicas":0})"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        const QByteArray ok = envelope("v1", "ConfigMap", len(1, str(1, "x")));
        QTest::newRow("no envelope") << QByteArray("{}") << QStringLiteral("does not start with the \"k8s\\0\" envelope");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("does not start with the \"k8s\\0\" envelope");
        QTest::newRow("truncated varint") << QByteArray("k8s\0\x0a\xff", 6) << QStringLiteral("truncated varint at byte 2");
        QTest::newRow("length past end") << QByteArray("k8s\0\x0a\x05\x0a\x01", 8) << QStringLiteral("field 1 claims 5 bytes but only 2 remain");
        QTest::newRow("cut inside the object") << ok.left(ok.size() - 1) << QStringLiteral("claims");
        QTest::newRow("varint overflow") << QByteArray("k8s\0\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 15) << QStringLiteral("varint longer than 64 bits");
        QTest::newRow("field number 0") << QByteArray("k8s\0\x02\x00", 6) << QStringLiteral("invalid field number 0");
        QTest::newRow("group wire type") << QByteArray("k8s\0\x0b", 5) << QStringLiteral("unsupported wire type 3 of field 1");
        QTest::newRow("no kind") << (QByteArray("k8s\0", 4) + len(2, {})) << QStringLiteral("names no apiVersion and kind");
        QTest::newRow("wrong wire type") << envelope("v1", "ConfigMap", len(1, num(1, 7)))
                                         << QStringLiteral("field 1 (name) of k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta (at metadata.name) has wire type varint, expected length-delimited");
        QTest::newRow("message as varint") << envelope("v1", "ConfigMap", num(1, 1))
                                           << QStringLiteral("field 1 (metadata) of k8s.io.api.core.v1.ConfigMap (at metadata) has wire type varint");
        QTest::newRow("scalar as bytes") << envelope("apps/v1", "Deployment", len(2, len(1, "x")))
                                         << QStringLiteral("field 1 (replicas) of k8s.io.api.apps.v1.DeploymentSpec (at spec.replicas) has wire type length-delimited, expected varint");
        QTest::newRow("nested garbage") << envelope("apps/v1", "Deployment", len(2, len(3, len(2, QByteArray("\x0a\x09", 2)))))
                                        << QStringLiteral("in k8s.io.api.core.v1.PodSpec (at spec.template.spec)");
        QTest::newRow("IntOrString type") << envelope("v1", "Service", len(2, len(1, len(4, num(1, 7)))))
                                          << QStringLiteral("IntOrString of unknown type 7");
        QTest::newRow("time range") << envelope("v1", "ConfigMap", len(1, len(8, num(1, 999999999999LL))))
                                    << QStringLiteral("Time out of range");
        QTest::newRow("empty quantity") << envelope("v1", "Pod", len(2, len(2, len(8, entry(1, "cpu", str(1, ""))))))
                                        << QStringLiteral("empty resource.Quantity");
        QTest::newRow("map entry field") << envelope("v1", "ConfigMap", len(2, str(1, "k") + str(3, "v")))
                                         << QStringLiteral("map entry of data has field 3");
    }

    void malformed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        const auto decoded = decodeProtobufBody(body);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().kind, Error::Kind::Parse); // the server answers 400
        QVERIFY2(decoded.error().message.contains(error), qPrintable(decoded.error().message));
    }

    void unsupported_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::newRow("kind") << envelope("apps/v1", "StatefulSet", {})
                              << QStringLiteral("protobuf bodies of apps/v1 StatefulSet are not supported by the sandbox; send the object as JSON");
        QTest::newRow("unserved kind") << envelope("policy/v1", "Eviction", {}) << QStringLiteral("policy/v1 Eviction");
        QTest::newRow("field") << envelope("v1", "Pod", len(2, len(34, str(1, "debugger"))))
                               << QStringLiteral("protobuf field 34 of k8s.io.api.core.v1.PodSpec (at spec) is not supported by the sandbox; send the object as JSON");
        QTest::newRow("deep field") << envelope("apps/v1", "Deployment", len(2, len(3, len(2, len(1, str(1, "v") + len(2, len(4, str(1, "vol-1"))))))))
                                    << QStringLiteral("protobuf field 4 of k8s.io.api.core.v1.VolumeSource (at spec.template.spec.volumes[0]) is not supported");
        QTest::newRow("top field") << envelope("v1", "ConfigMap", str(9, "x")) << QStringLiteral("protobuf field 9 of k8s.io.api.core.v1.ConfigMap is not supported");
        QTest::newRow("encoding") << (QByteArray("k8s\0", 4) + len(1, str(1, "v1") + str(2, "ConfigMap")) + len(2, {}) + str(3, "gzip"))
                                  << QStringLiteral("protobuf content encoding \"gzip\" is not supported");
        QTest::newRow("raw not JSON") << envelope("v1", "ConfigMap", len(1, len(17, len(7, str(1, "{nope")))))
                                      << QStringLiteral("FieldsV1 holds data that is not JSON");
    }

    void unsupported()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        const auto decoded = decodeProtobufBody(body);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().kind, Error::Kind::Invalid); // the server answers 415
        QVERIFY2(decoded.error().message.contains(error), qPrintable(decoded.error().message));
    }

    // Every prefix and many byte flips of a real body: an error or a value, never a crash; any
    // cut inside the object is an error.
    void damagedBodiesNeverCrash()
    {
        const QByteArray raw = deploymentMessage();
        const QByteArray body = envelope("apps/v1", "Deployment", raw);
        const qsizetype rawStart = body.size() - raw.size();
        for (qsizetype n = 0; n < body.size(); ++n) {
            const auto decoded = decodeProtobufBody(body.left(n));
            if (n > rawStart)
                QVERIFY2(!decoded, qPrintable(QStringLiteral("prefix %1 decoded").arg(n)));
        }
        int errors = 0;
        for (qsizetype i = 4; i < body.size(); ++i) {
            for (char value : {char(0x00), char(0x7f), char(0x80), char(0xff), char(body.at(i) ^ 0x08)}) {
                QByteArray damaged = body;
                damaged[i] = value;
                if (!decodeProtobufBody(damaged))
                    ++errors;
            }
        }
        QVERIFY(errors > 0);
    }
};

QTEST_GUILESS_MAIN(tst_ProtobufBody)
#include "tst_protobufbody.moc"
