// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// APIServices in the SandboxServer, checked with real kubectl: the local APIServices of the
// served group-versions (built-in and CRD), the Available condition of one whose aggregated API
// server is missing, and discovery of that unavailable group-version (`kubectl get --raw`,
// `kubectl api-resources` with and without aggregated discovery).

#include "sandboxfixture.h"
#include "testenv.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;

namespace {

const Gvr kApiServices{QStringLiteral("apiregistration.k8s.io"), QStringLiteral("v1"), QStringLiteral("apiservices")};

const QByteArray kMetricsApiService = R"(apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1beta1.metrics.k8s.io
spec:
  group: metrics.k8s.io
  version: v1beta1
  service: {namespace: kube-system, name: metrics-server}
  groupPriorityMinimum: 100
  versionPriority: 100
  insecureSkipTLSVerify: true
)";

const QString kUnavailable = QStringLiteral("the server is currently unable to handle the request");

} // namespace

class tst_SandboxApiServices final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void localApiServicesOfEveryServedGroupVersion();
    void crdGroupVersionsGetTheirOwn();
    void availabilityFollowsTheService();
    void unavailableApiInDiscovery();
    void unavailableApiWithoutAggregatedDiscovery();
};

void tst_SandboxApiServices::localApiServicesOfEveryServedGroupVersion()
{
    SandboxFixture f;
    QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
    const KubectlResult r = f.kubectl({QStringLiteral("get"), QStringLiteral("apiservices")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("^NAME\\s+SERVICE\\s+AVAILABLE\\s+AGE\\n"))), qPrintable(r.out));
    for (const char *name : {"v1\\.", "v1\\.apiregistration\\.k8s\\.io", "v1\\.apps", "v1\\.batch", "v2\\.autoscaling",
                             "v1\\.autoscaling", "v1\\.apiextensions\\.k8s\\.io", "v1\\.authorization\\.k8s\\.io",
                             "v1\\.coordination\\.k8s\\.io"}) {
        const QRegularExpression line(QStringLiteral("\\n%1\\s+Local\\s+True\\s+\\d+s\\n").arg(QLatin1String(name)));
        QVERIFY2(r.out.contains(line), qPrintable(QLatin1String(name) + QLatin1Char('\n') + r.out));
    }
    // As a real server keeps them: no service, the built-in priorities, the autoregister label.
    const KubectlResult apps = f.kubectl({QStringLiteral("get"), QStringLiteral("apiservice"), QStringLiteral("v1.apps"),
                                          QStringLiteral("-o"), QStringLiteral("json")});
    QVERIFY2(apps.exitCode == 0, qPrintable(apps.err));
    const QJsonObject o = QJsonDocument::fromJson(apps.out.toUtf8()).object();
    const QJsonObject spec = o.value(QLatin1String("spec")).toObject();
    QVERIFY(!spec.contains(QLatin1String("service")));
    QCOMPARE(spec.value(QLatin1String("group")).toString(), QStringLiteral("apps"));
    QCOMPARE(spec.value(QLatin1String("groupPriorityMinimum")).toInt(), 17800);
    QCOMPARE(spec.value(QLatin1String("versionPriority")).toInt(), 15);
    QCOMPARE(o[QLatin1String("metadata")][QLatin1String("labels")][QLatin1String("kube-aggregator.kubernetes.io/automanaged")].toString(),
             QStringLiteral("onstart"));
    const QJsonObject condition = o[QLatin1String("status")][QLatin1String("conditions")][0].toObject();
    QCOMPARE(condition.value(QLatin1String("reason")).toString(), QStringLiteral("Local"));
    QCOMPARE(condition.value(QLatin1String("message")).toString(), QStringLiteral("Local APIServices are always available"));
    // The name of an APIService is its version and group.
    const KubectlResult misnamed = f.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                                             QByteArray(kMetricsApiService).replace("name: v1beta1.metrics.k8s.io", "name: metrics"));
    QCOMPARE(misnamed.exitCode, 1);
    QVERIFY2(misnamed.err.contains(QStringLiteral("metadata.name: Invalid value: \"metrics\": must be `spec.version+\".\"+spec.group`: \"v1beta1.metrics.k8s.io\"")),
             qPrintable(misnamed.err));
    // The api-extensions category holds CRDs and APIServices.
    const KubectlResult extensions = f.kubectl({QStringLiteral("get"), QStringLiteral("api-extensions")});
    QVERIFY2(extensions.exitCode == 0, qPrintable(extensions.err));
    QVERIFY2(extensions.out.contains(QStringLiteral("apiservice.apiregistration.k8s.io/v1.apps")), qPrintable(extensions.out));
    // And `kubectl explain` reads the schema.
    const KubectlResult explain = f.kubectl({QStringLiteral("explain"), QStringLiteral("apiservice.spec.service")});
    QVERIFY2(explain.exitCode == 0, qPrintable(explain.err));
    QVERIFY2(explain.out.contains(QRegularExpression(QStringLiteral("\\n  port\\s+<integer>"))), qPrintable(explain.out));
}

void tst_SandboxApiServices::crdGroupVersionsGetTheirOwn()
{
    SandboxFixture f;
    QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
    const QByteArray crd = R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions:
  - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}
  - {name: v1beta1, served: true, storage: false, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}
)";
    KubectlResult r = f.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, crd);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char *name : {"v1.example.com", "v1beta1.example.com"}) {
        const QJsonObject o = f.object(kApiServices, QString(), QLatin1String(name));
        QVERIFY2(!o.isEmpty(), name);
        QCOMPARE(o[QLatin1String("spec")][QLatin1String("groupPriorityMinimum")].toInt(), 1000);
        QCOMPARE(o[QLatin1String("spec")][QLatin1String("versionPriority")].toInt(), 100);
        QCOMPARE(o[QLatin1String("metadata")][QLatin1String("labels")][QLatin1String("kube-aggregator.kubernetes.io/automanaged")].toString(),
                 QStringLiteral("true"));
    }
    r = f.kubectl({QStringLiteral("get"), QStringLiteral("apiservice"), QStringLiteral("v1beta1.example.com")});
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("v1beta1\\.example\\.com\\s+Local\\s+True"))), qPrintable(r.out + r.err));
    // The crdregistration controller keeps a CRD's APIService: deleted, it comes back (a new
    // object); a built-in one is registered only at start and stays deleted.
    const QString uid = f.object(kApiServices, QString(), QStringLiteral("v1.example.com"))[QLatin1String("metadata")][QLatin1String("uid")].toString();
    r = f.kubectl({QStringLiteral("delete"), QStringLiteral("apiservice"), QStringLiteral("v1.example.com"), QStringLiteral("v1.batch")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject again = f.object(kApiServices, QString(), QStringLiteral("v1.example.com"));
    QVERIFY(!again.isEmpty());
    QVERIFY(again[QLatin1String("metadata")][QLatin1String("uid")].toString() != uid);
    QVERIFY(f.object(kApiServices, QString(), QStringLiteral("v1.batch")).isEmpty());
    // A version no longer served loses its APIService; deleting the CRD removes the rest.
    r = f.kubectl({QStringLiteral("patch"), QStringLiteral("crd"), QStringLiteral("widgets.example.com"), QStringLiteral("--type=json"),
                   QStringLiteral(R"(-p=[{"op":"replace","path":"/spec/versions/1/served","value":false}])")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(f.object(kApiServices, QString(), QStringLiteral("v1beta1.example.com")).isEmpty());
    QVERIFY(!f.object(kApiServices, QString(), QStringLiteral("v1.example.com")).isEmpty());
    r = f.kubectl({QStringLiteral("delete"), QStringLiteral("crd"), QStringLiteral("widgets.example.com")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(f.object(kApiServices, QString(), QStringLiteral("v1.example.com")).isEmpty());
    QVERIFY(!f.object(kApiServices, QString(), QStringLiteral("v1.apps")).isEmpty());
}

void tst_SandboxApiServices::availabilityFollowsTheService()
{
    SandboxFixture f;
    QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
    KubectlResult r = f.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, kMetricsApiService);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    auto available = [&f] {
        return f.object(kApiServices, QString(), QStringLiteral("v1beta1.metrics.k8s.io"))[QLatin1String("status")][QLatin1String("conditions")][0]
            .toObject();
    };
    QTRY_COMPARE_WITH_TIMEOUT(available().value(QLatin1String("reason")).toString(), QStringLiteral("ServiceNotFound"), 10000);
    QCOMPARE(available().value(QLatin1String("status")).toString(), QStringLiteral("False"));
    QCOMPARE(available().value(QLatin1String("message")).toString(), QStringLiteral("service/metrics-server in \"kube-system\" is not present"));
    QCOMPARE(f.object(kApiServices, QString(), QStringLiteral("v1beta1.metrics.k8s.io"))[QLatin1String("spec")][QLatin1String("service")]
                 [QLatin1String("port")].toInt(),
             443); // defaulted
    r = f.kubectl({QStringLiteral("get"), QStringLiteral("apiservices")});
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\nv1beta1\\.metrics\\.k8s\\.io\\s+kube-system/metrics-server\\s+False \\(ServiceNotFound\\)\\s+\\d+s\\n"))),
             qPrintable(r.out));

    // The Service without endpoints, then endpoints without addresses for its port.
    r = f.kubectl({QStringLiteral("create"), QStringLiteral("service"), QStringLiteral("clusterip"), QStringLiteral("metrics-server"),
                   QStringLiteral("-n"), QStringLiteral("kube-system"), QStringLiteral("--tcp=443:10250")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QTRY_COMPARE_WITH_TIMEOUT(available().value(QLatin1String("reason")).toString(), QStringLiteral("EndpointsNotFound"), 10000);
    QCOMPARE(available().value(QLatin1String("message")).toString(),
             QStringLiteral("cannot find endpoints for service/metrics-server in \"kube-system\""));
    const QByteArray endpoints = R"(apiVersion: v1
kind: Endpoints
metadata: {name: metrics-server, namespace: kube-system}
subsets: []
)";
    r = f.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, endpoints);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QTRY_COMPARE_WITH_TIMEOUT(available().value(QLatin1String("reason")).toString(), QStringLiteral("MissingEndpoints"), 10000);
    QCOMPARE(available().value(QLatin1String("message")).toString(),
             QStringLiteral("endpoints for service/metrics-server in \"kube-system\" have no addresses with port name \"443-10250\""));
    r = f.kubectl({QStringLiteral("get"), QStringLiteral("apiservice"), QStringLiteral("v1beta1.metrics.k8s.io")});
    QVERIFY2(r.out.contains(QStringLiteral("False (MissingEndpoints)")), qPrintable(r.out));
    // With a ready address nothing answers in the sandbox: the discovery check fails.
    const QByteArray ready = R"(apiVersion: v1
kind: Endpoints
metadata: {name: metrics-server, namespace: kube-system}
subsets:
- addresses: [{ip: 10.244.0.99}]
  ports: [{name: 443-10250, port: 10250}]
)";
    r = f.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, ready);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QTRY_COMPARE_WITH_TIMEOUT(available().value(QLatin1String("reason")).toString(), QStringLiteral("FailedDiscoveryCheck"), 10000);
    const QString clusterIp = f.object(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("services")}, QStringLiteral("kube-system"),
                                       QStringLiteral("metrics-server"))[QLatin1String("spec")][QLatin1String("clusterIP")].toString();
    QVERIFY(!clusterIp.isEmpty());
    QCOMPARE(available().value(QLatin1String("message")).toString(),
             QStringLiteral("failing or missing response from https://%1:443/apis/metrics.k8s.io/v1beta1: Get "
                            "\"https://%1:443/apis/metrics.k8s.io/v1beta1\": dial tcp %1:443: connect: connection refused")
                 .arg(clusterIp));
    QCOMPARE(available().value(QLatin1String("status")).toString(), QStringLiteral("False"));
    // A port the Service does not have.
    r = f.kubectl({QStringLiteral("patch"), QStringLiteral("apiservice"), QStringLiteral("v1beta1.metrics.k8s.io"), QStringLiteral("--type=merge"),
                   QStringLiteral(R"(-p={"spec":{"service":{"port":8443}}})")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QTRY_COMPARE_WITH_TIMEOUT(available().value(QLatin1String("reason")).toString(), QStringLiteral("ServicePortError"), 10000);
    QCOMPARE(available().value(QLatin1String("message")).toString(),
             QStringLiteral("service/metrics-server in \"kube-system\" is not listening on port 8443"));
    // Deleting the Service brings ServiceNotFound back.
    r = f.kubectl({QStringLiteral("delete"), QStringLiteral("service"), QStringLiteral("metrics-server"), QStringLiteral("-n"),
                   QStringLiteral("kube-system")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QTRY_COMPARE_WITH_TIMEOUT(available().value(QLatin1String("reason")).toString(), QStringLiteral("ServiceNotFound"), 10000);
}

void tst_SandboxApiServices::unavailableApiInDiscovery()
{
    SandboxFixture f;
    QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
    KubectlResult r = f.kubectl({QStringLiteral("api-resources")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\napiservices\\s+apiregistration\\.k8s\\.io/v1\\s+false\\s+APIService\\n"))));
    r = f.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, kMetricsApiService);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // Unaggregated: the group is listed, its resource document answers 503.
    r = f.kubectl({QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/apis")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonObject metrics;
    for (const QJsonValue &g : QJsonDocument::fromJson(r.out.toUtf8())[QLatin1String("groups")].toArray()) {
        if (g[QLatin1String("name")].toString() == QLatin1String("metrics.k8s.io"))
            metrics = g.toObject();
    }
    QVERIFY2(!metrics.isEmpty(), qPrintable(r.out));
    QCOMPARE(metrics[QLatin1String("preferredVersion")][QLatin1String("groupVersion")].toString(), QStringLiteral("metrics.k8s.io/v1beta1"));
    r = f.kubectl({QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/apis/metrics.k8s.io")});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("metrics.k8s.io/v1beta1")), qPrintable(r.out + r.err));
    r = f.kubectl({QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/apis/metrics.k8s.io/v1beta1")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Error from server (ServiceUnavailable): ") + kUnavailable), qPrintable(r.err));
    r = f.kubectl({QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes")});
    QVERIFY2(r.err.contains(kUnavailable), qPrintable(r.err));
    // Resource requests are authorized before they are proxied: the viewer may not list node metrics.
    r = f.kubectl({QStringLiteral("--context=sandbox-viewer"), QStringLiteral("get"), QStringLiteral("--raw"),
                   QStringLiteral("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("pods.metrics.k8s.io is forbidden: User \"viewer\" cannot list resource \"pods\" in API group "
                                           "\"metrics.k8s.io\" in the namespace \"default\"")),
             qPrintable(r.err));
    // kubectl top finds no metrics API.
    r = f.kubectl({QStringLiteral("top"), QStringLiteral("nodes")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("error: Metrics API not available")), qPrintable(r.err));

    // Aggregated: the group-version is stale and has no resources. kubectl 1.32's api-resources
    // reads discovery through its disk cache, which drops stale group-versions without an error
    // (client-go's ServerGroupsAndResources would return "stale GroupVersion discovery"), and
    // lists the rest.
    r = f.kubectl({QStringLiteral("api-resources"), QStringLiteral("-v=6")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("unable to retrieve")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("/apis/metrics.k8s.io")), qPrintable(r.err)); // no per-group-version fetch
    QVERIFY2(!r.out.contains(QStringLiteral("metrics.k8s.io")), qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment"))));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\napiservices\\s+apiregistration\\.k8s\\.io/v1\\s+false\\s+APIService\\n"))));

    // Deleting the APIService removes the group again.
    r = f.kubectl({QStringLiteral("delete"), QStringLiteral("apiservice"), QStringLiteral("v1beta1.metrics.k8s.io")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = f.kubectl({QStringLiteral("api-resources")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = f.kubectl({QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/apis")});
    QVERIFY2(!r.out.contains(QStringLiteral("metrics.k8s.io")), qPrintable(r.out));
    r = f.kubectl({QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/apis/metrics.k8s.io/v1beta1")});
    QVERIFY2(r.err.contains(QStringLiteral("NotFound")), qPrintable(r.err));
}

void tst_SandboxApiServices::unavailableApiWithoutAggregatedDiscovery()
{
    SandboxOptions options;
    options.aggregatedDiscovery = false;
    SandboxFixture f(options);
    QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
    KubectlResult r = f.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, kMetricsApiService);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // kubectl fetches every group-version document; the 503 is the one it reports.
    r = f.kubectl({QStringLiteral("api-resources")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("error: unable to retrieve the complete list of server APIs: metrics.k8s.io/v1beta1: ")
                            + kUnavailable),
             qPrintable(r.err));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment"))));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\napiservices\\s+apiregistration\\.k8s\\.io/v1\\s+false\\s+APIService\\n"))));
}

QTEST_GUILESS_MAIN(tst_SandboxApiServices)
#include "tst_sandboxapiservices.moc"
