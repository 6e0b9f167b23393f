// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// Pure pieces behind the sandbox's policies: service account tokens, the autoscaling/v1 view of
// autoscalers and label selectors given as objects.

#include "sandbox/autoscalingconversion.h"
#include "api/labelselector.h"
#include "sandbox/serviceaccounttokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qluster;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QByteArray part(const QString &token, int index)
{
    return QByteArray::fromBase64(token.section(QLatin1Char('.'), index, index).toLatin1(),
                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

ServiceAccountTokens::Claims botClaims(const QDateTime &issued)
{
    ServiceAccountTokens::Claims c;
    c.namespaceName = QStringLiteral("shop");
    c.serviceAccount = QStringLiteral("bot");
    c.serviceAccountUid = QStringLiteral("uid-1");
    c.audiences = {ServiceAccountTokens::issuer()};
    c.issuedAt = issued;
    c.expiresAt = issued.addSecs(600);
    c.id = QStringLiteral("jti-1");
    return c;
}

} // namespace

class tst_SandboxPolicies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenRoundTrip()
    {
        const QDateTime issued = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00Z"), Qt::ISODate);
        const ServiceAccountTokens tokens(QByteArray(32, 'k'));
        ServiceAccountTokens::Claims claims = botClaims(issued);
        claims.boundKind = QStringLiteral("Pod");
        claims.boundName = QStringLiteral("web-1");
        claims.boundUid = QStringLiteral("pod-uid");
        const QString token = tokens.issue(claims);
        QVERIFY(ServiceAccountTokens::looksLikeToken(token));
        // The claims kube-apiserver puts in a bound token, readable by any JWT tool.
        QCOMPARE(QJsonDocument::fromJson(part(token, 0)).object(), json(R"({"alg": "HS256", "typ": "JWT"})"));
        const QJsonObject payload = QJsonDocument::fromJson(part(token, 1)).object();
        QCOMPARE(payload.value(QLatin1String("sub")).toString(), QStringLiteral("system:serviceaccount:shop:bot"));
        QCOMPARE(payload.value(QLatin1String("iss")).toString(), QStringLiteral("https://kubernetes.default.svc.cluster.local"));
        QCOMPARE(payload.value(QLatin1String("exp")).toInteger(), issued.toSecsSinceEpoch() + 600);
        QCOMPARE(payload.value(QLatin1String("kubernetes.io")).toObject(),
                 json(R"({"namespace": "shop", "serviceaccount": {"name": "bot", "uid": "uid-1"}, "pod": {"name": "web-1", "uid": "pod-uid"}})"));

        const auto verified = tokens.verify(token, issued.addSecs(599));
        QVERIFY2(verified.has_value(), verified ? "" : qPrintable(verified.error().message));
        QCOMPARE(verified->username(), QStringLiteral("system:serviceaccount:shop:bot"));
        QCOMPARE(verified->serviceAccountUid, QStringLiteral("uid-1"));
        QCOMPARE(verified->audiences, QStringList{ServiceAccountTokens::issuer()});
        QCOMPARE(verified->id, QStringLiteral("jti-1"));
        QCOMPARE(verified->boundKind, QStringLiteral("Pod"));
        QCOMPARE(verified->boundName, QStringLiteral("web-1"));
        QCOMPARE(verified->boundUid, QStringLiteral("pod-uid"));
        QCOMPARE(verified->expiresAt, issued.addSecs(600));
    }

    void tokensRejected_data()
    {
        QTest::addColumn<int>("secondsAfterIssue");
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<QString>("why");
        QTest::newRow("expired") << 600 << QString() << QStringLiteral("token has expired");
        QTest::newRow("long expired") << 100000 << QString() << QStringLiteral("token has expired");
        QTest::newRow("not yet valid") << -120 << QString() << QStringLiteral("not valid yet");
        QTest::newRow("other key") << 0 << QStringLiteral("key") << QStringLiteral("invalid signature");
        QTest::newRow("changed claims") << 0 << QStringLiteral("payload") << QStringLiteral("invalid signature");
        QTest::newRow("cut signature") << 0 << QStringLiteral("signature") << QStringLiteral("invalid signature");
        QTest::newRow("not a token") << 0 << QStringLiteral("shape") << QStringLiteral("not a JSON Web Token");
    }

    void tokensRejected()
    {
        QFETCH(int, secondsAfterIssue);
        QFETCH(QString, tamper);
        QFETCH(QString, why);
        const QDateTime issued = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00Z"), Qt::ISODate);
        const ServiceAccountTokens tokens(QByteArray(32, 'k'));
        QString token = tokens.issue(botClaims(issued));
        if (tamper == QLatin1String("key")) {
            token = ServiceAccountTokens(QByteArray(32, 'x')).issue(botClaims(issued));
        } else if (tamper == QLatin1String("payload")) {
            // Another service account's claims under the original signature.
            ServiceAccountTokens::Claims admin = botClaims(issued);
            admin.serviceAccount = QStringLiteral("admin");
            const QString forged = tokens.issue(admin);
            token = token.section(QLatin1Char('.'), 0, 0) + QLatin1Char('.') + forged.section(QLatin1Char('.'), 1, 1)
                    + QLatin1Char('.') + token.section(QLatin1Char('.'), 2, 2);
        } else if (tamper == QLatin1String("signature")) {
            token.chop(4);
        } else if (tamper == QLatin1String("shape")) {
            token = QStringLiteral("plain-static-token");
        }
        const auto verified = tokens.verify(token, issued.addSecs(secondsAfterIssue));
        QVERIFY(!verified.has_value());
        QVERIFY2(verified.error().message.contains(why), qPrintable(verified.error().message));
        // The reason never repeats the token.
        QVERIFY(!verified.error().message.contains(token));
    }

    void autoscalerV1RoundTrip()
    {
        const QJsonObject v2 = json(R"({
          "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
          "metadata": {"name": "web", "namespace": "shop", "annotations": {"note": "kept"}},
          "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
                   "minReplicas": 2, "maxReplicas": 5,
                   "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}},
                               {"type": "Pods", "pods": {"metric": {"name": "rps"}, "target": {"type": "AverageValue", "averageValue": "10"}}}],
                   "behavior": {"scaleDown": {"stabilizationWindowSeconds": 60}}},
          "status": {"currentReplicas": 2, "desiredReplicas": 3, "observedGeneration": 4,
                     "currentMetrics": [{"type": "Resource", "resource": {"name": "cpu", "current": {"averageUtilization": 55}}}],
                     "conditions": [{"type": "AbleToScale", "status": "True", "reason": "SucceededGetScale"}]}})");
        const QJsonObject v1 = AutoscalingConversion::toV1(v2);
        QCOMPARE(v1.value(QLatin1String("apiVersion")).toString(), QStringLiteral("autoscaling/v1"));
        QCOMPARE(v1.value(QLatin1String("spec")).toObject(),
                 json(R"({"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
                          "minReplicas": 2, "maxReplicas": 5, "targetCPUUtilizationPercentage": 70})"));
        QCOMPARE(v1.value(QLatin1String("status")).toObject(),
                 json(R"({"currentReplicas": 2, "desiredReplicas": 3, "observedGeneration": 4, "currentCPUUtilizationPercentage": 55})"));
        const QJsonObject annotations = v1.value(QLatin1String("metadata")).toObject().value(QLatin1String("annotations")).toObject();
        QCOMPARE(annotations.value(QLatin1String("note")).toString(), QStringLiteral("kept"));
        for (const char *key : {"autoscaling.alpha.kubernetes.io/metrics", "autoscaling.alpha.kubernetes.io/behavior",
                                "autoscaling.alpha.kubernetes.io/conditions"})
            QVERIFY2(annotations.contains(QLatin1String(key)), key);
        // Back to v2: the same object, the annotations gone.
        QCOMPARE(AutoscalingConversion::toV2(v1), v2);
    }

    void autoscalerFromKubectlAutoscale()
    {
        // What `kubectl autoscale deployment web --min=2 --max=4 --cpu-percent=60` creates.
        const QJsonObject v1 = json(R"({"apiVersion": "autoscaling/v1", "kind": "HorizontalPodAutoscaler",
          "metadata": {"name": "web"},
          "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
                   "minReplicas": 2, "maxReplicas": 4, "targetCPUUtilizationPercentage": 60}, "status": {"currentReplicas": 0, "desiredReplicas": 0}})");
        const QJsonObject v2 = AutoscalingConversion::toV2(v1);
        QCOMPARE(v2.value(QLatin1String("spec")).toObject().value(QLatin1String("metrics")).toArray(),
                 QJsonArray{json(R"({"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 60}}})")});
        QVERIFY(!v2.value(QLatin1String("spec")).toObject().contains(QLatin1String("targetCPUUtilizationPercentage")));
        QVERIFY(!v2.value(QLatin1String("metadata")).toObject().contains(QLatin1String("annotations")));
        QCOMPARE(AutoscalingConversion::toV1(v2), v1);
    }

    void selectorObjects_data()
    {
        QTest::addColumn<QByteArray>("selector");
        QTest::addColumn<QByteArray>("labels");
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty selects all") << QByteArray("{}") << QByteArray(R"({"app": "x"})") << true;
        QTest::newRow("match labels") << QByteArray(R"({"matchLabels": {"app": "web"}})") << QByteArray(R"({"app": "web", "tier": "f"})") << true;
        QTest::newRow("match labels, other value") << QByteArray(R"({"matchLabels": {"app": "web"}})") << QByteArray(R"({"app": "db"})") << false;
        QTest::newRow("in") << QByteArray(R"({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["a", "b"]}]})")
                            << QByteArray(R"({"tier": "b"})") << true;
        QTest::newRow("not in, absent") << QByteArray(R"({"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["a"]}]})")
                                        << QByteArray("{}") << true;
        QTest::newRow("exists and labels") << QByteArray(R"({"matchLabels": {"app": "web"}, "matchExpressions": [{"key": "canary", "operator": "Exists"}]})")
                                           << QByteArray(R"({"app": "web"})") << false;
        QTest::newRow("does not exist") << QByteArray(R"({"matchExpressions": [{"key": "canary", "operator": "DoesNotExist"}]})")
                                        << QByteArray(R"({"app": "web"})") << true;
    }

    void selectorObjects()
    {
        QFETCH(QByteArray, selector);
        QFETCH(QByteArray, labels);
        QFETCH(bool, matches);
        const auto parsed = LabelSelector::fromObject(QJsonDocument::fromJson(selector).object());
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->matches(QJsonDocument::fromJson(labels).object()), matches);
    }

    void badSelectorObjects()
    {
        auto bad = LabelSelector::fromObject(json(R"({"matchExpressions": [{"key": "a", "operator": "Like", "values": ["x"]}]})"));
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("\"Like\" is not a valid label selector operator")));
        bad = LabelSelector::fromObject(json(R"({"matchExpressions": [{"key": "a", "operator": "In", "values": []}]})"));
        QVERIFY(!bad);
        bad = LabelSelector::fromObject(json(R"({"matchExpressions": [{"key": "bad key", "operator": "Exists"}]})"));
        QVERIFY(!bad);
    }
};

QTEST_APPLESS_MAIN(tst_SandboxPolicies)
#include "tst_sandboxpolicies.moc"
