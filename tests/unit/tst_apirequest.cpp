// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "net/apirequest.h"

#include <QTest>

Q_DECLARE_METATYPE(Qluster::ApiRequest)

using namespace Qluster;

class tst_ApiRequest final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void url_data();
    void url();
    void retriable();
};

void tst_ApiRequest::url_data()
{
    QTest::addColumn<ApiRequest>("request");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("expected");

    const Gvr pods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};
    const Gvr deployments{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")};
    const Gvr nodes{QString(), QStringLiteral("v1"), QStringLiteral("nodes")};
    const Gvr crds{QStringLiteral("apiextensions.k8s.io"), QStringLiteral("v1"),
                   QStringLiteral("customresourcedefinitions")};
    const QString server = QStringLiteral("https://10.0.0.1:6443");

    QTest::newRow("core, all namespaces") << ApiRequest::get(pods) << server << QString()
                                          << QStringLiteral("https://10.0.0.1:6443/api/v1/pods");
    QTest::newRow("core, namespaced collection")
        << ApiRequest::get(pods, QStringLiteral("demo")) << server << QString()
        << QStringLiteral("https://10.0.0.1:6443/api/v1/namespaces/demo/pods");
    QTest::newRow("core, namespaced object")
        << ApiRequest::get(pods, QStringLiteral("demo"), QStringLiteral("web-0")) << server
        << QString() << QStringLiteral("https://10.0.0.1:6443/api/v1/namespaces/demo/pods/web-0");
    QTest::newRow("core, cluster-scoped object")
        << ApiRequest::get(nodes, QString(), QStringLiteral("node-1")) << server << QString()
        << QStringLiteral("https://10.0.0.1:6443/api/v1/nodes/node-1");
    QTest::newRow("group, cluster-scoped")
        << ApiRequest::get(crds, QString(), QStringLiteral("widgets.example.com")) << server
        << QString()
        << QStringLiteral("https://10.0.0.1:6443/apis/apiextensions.k8s.io/v1/"
                          "customresourcedefinitions/widgets.example.com");
    ApiRequest scale = ApiRequest::get(deployments, QStringLiteral("demo"), QStringLiteral("web"));
    scale.subresource = QStringLiteral("scale");
    QTest::newRow("group, subresource")
        << scale << server << QString()
        << QStringLiteral("https://10.0.0.1:6443/apis/apps/v1/namespaces/demo/deployments/web/scale");
    ApiRequest list = ApiRequest::get(pods, QStringLiteral("demo"));
    list.labelSelector = QStringLiteral("app=web,tier!=db");
    list.fieldSelector = QStringLiteral("status.phase=Running");
    list.limit = 500;
    list.continueToken = QStringLiteral("eyJ2IjoibWV0YS5rOHMuaW8vdjEi+/=");
    QTest::newRow("list query")
        << list << server << QString()
        << QStringLiteral("https://10.0.0.1:6443/api/v1/namespaces/demo/pods?labelSelector=app%3Dweb"
                          "%2Ctier%21%3Ddb&fieldSelector=status.phase%3DRunning&limit=500&continue="
                          "eyJ2IjoibWV0YS5rOHMuaW8vdjEi%2B%2F%3D");
    ApiRequest watch = ApiRequest::get(deployments);
    watch.watch = true;
    watch.allowWatchBookmarks = true;
    watch.resourceVersion = QStringLiteral("12345");
    watch.timeoutSeconds = 290;
    QTest::newRow("watch query")
        << watch << server << QString()
        << QStringLiteral("https://10.0.0.1:6443/apis/apps/v1/deployments?resourceVersion=12345&watch="
                          "true&allowWatchBookmarks=true&timeoutSeconds=290");
    ApiRequest apply = ApiRequest::get(deployments, QStringLiteral("demo"), QStringLiteral("web"));
    apply.verb = QByteArrayLiteral("PATCH");
    apply.dryRun = true;
    apply.fieldManager = QStringLiteral("qluster");
    apply.force = true;
    QTest::newRow("apply query")
        << apply << server << QString()
        << QStringLiteral("https://10.0.0.1:6443/apis/apps/v1/namespaces/demo/deployments/web?dryRun="
                          "All&fieldManager=qluster&force=true");
    QTest::newRow("server with a path and a profile prefix")
        << ApiRequest::get(pods, QStringLiteral("a")) << QStringLiteral("https://rancher/k8s/clusters/c-1/")
        << QStringLiteral("/kapis/clusters/host/")
        << QStringLiteral("https://rancher/k8s/clusters/c-1/kapis/clusters/host/api/v1/namespaces/a/pods");
    QTest::newRow("prefix without slash") << ApiRequest::raw(QStringLiteral("/version")) << server
                                          << QStringLiteral("platform")
                                          << QStringLiteral("https://10.0.0.1:6443/platform/version");
    QTest::newRow("raw discovery") << ApiRequest::raw(QStringLiteral("/apis")) << server << QString()
                                   << QStringLiteral("https://10.0.0.1:6443/apis");
    QTest::newRow("raw path with its own query")
        << ApiRequest::raw(QStringLiteral("/openapi/v3/apis/apps/v1?hash=ABC123")) << server << QString()
        << QStringLiteral("https://10.0.0.1:6443/openapi/v3/apis/apps/v1?hash=ABC123");
    ApiRequest logs = ApiRequest::get(pods, QStringLiteral("demo"), QStringLiteral("web-0"));
    logs.subresource = QStringLiteral("log");
    logs.extraQuery = {{QStringLiteral("container"), QStringLiteral("app")},
                       {QStringLiteral("follow"), QStringLiteral("true")}};
    QTest::newRow("extra query")
        << logs << server << QString()
        << QStringLiteral("https://10.0.0.1:6443/api/v1/namespaces/demo/pods/web-0/log?container=app"
                          "&follow=true");
}

void tst_ApiRequest::url()
{
    QFETCH(ApiRequest, request);
    QFETCH(QString, server);
    QFETCH(QString, prefix);
    QFETCH(QString, expected);
    QCOMPARE(request.url(QUrl(server), prefix).toString(QUrl::FullyEncoded), expected);
}

void tst_ApiRequest::retriable()
{
    ApiRequest r;
    QVERIFY(r.isRetriable());
    for (const char *verb : {"POST", "PUT", "PATCH", "DELETE"}) {
        r.verb = verb;
        QVERIFY2(!r.isRetriable(), verb);
    }
}

QTEST_GUILESS_MAIN(tst_ApiRequest)
#include "tst_apirequest.moc"
