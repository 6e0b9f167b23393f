// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "demodata.h"

#include "apiservicecontroller.h"
#include "controllerhelpers.h"
#include "discoverydocuments.h"
#include "fieldselector.h"
#include "podlogs.h"
#include "podshell.h"
#include "resourcewriter.h"
#include "sandboxcontext.h"
#include "sandboxcontrollers.h"
#include "sandboxobjects.h"
#include "serviceaccounttokens.h"
#include "api/labelselector.h"
#include "util/logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>
#include <tuple>

namespace Qluster {

using namespace SandboxObjects;

using namespace ControllerHelpers;

DemoData::DemoData(SandboxContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
}

void DemoData::loadBaseObjects()
{
    auto create = [this](const QJsonObject &o) {
        auto r = m_ctx.writer->createObject(o);
        if (!r)
            qCWarning(lcSandbox) << "base object not created:" << r.error().toString();
    };
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"}) {
        create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                           {QStringLiteral("kind"), QStringLiteral("Namespace")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QLatin1String(ns)}}}});
    }
    const QString now = nowTimestamp();
    create(QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Node")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("sandbox-node-1")},
                                                 {QStringLiteral("labels"), QJsonObject{{QStringLiteral("kubernetes.io/hostname"), QStringLiteral("sandbox-node-1")},
                                                                                        {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")},
                                                                                        {QStringLiteral("kubernetes.io/arch"), QStringLiteral("amd64")},
                                                                                        {QStringLiteral("node-role.kubernetes.io/control-plane"), QString()}}}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("podCIDR"), QStringLiteral("10.244.0.0/16")}}},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("conditions"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Ready")},
                                                                                                    {QStringLiteral("status"), QStringLiteral("True")},
                                                                                                    {QStringLiteral("reason"), QStringLiteral("KubeletReady")},
                                                                                                    {QStringLiteral("message"), QStringLiteral("kubelet is posting ready status")},
                                                                                                    {QStringLiteral("lastHeartbeatTime"), now},
                                                                                                    {QStringLiteral("lastTransitionTime"), now}}}},
                                               {QStringLiteral("addresses"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("InternalIP")}, {QStringLiteral("address"), QStringLiteral("172.18.0.2")}},
                                                                                        QJsonObject{{QStringLiteral("type"), QStringLiteral("Hostname")}, {QStringLiteral("address"), QStringLiteral("sandbox-node-1")}}}},
                                               {QStringLiteral("capacity"), QJsonObject{{QStringLiteral("cpu"), QStringLiteral("8")}, {QStringLiteral("memory"), QStringLiteral("16Gi")}, {QStringLiteral("pods"), QStringLiteral("110")}}},
                                               {QStringLiteral("allocatable"), QJsonObject{{QStringLiteral("cpu"), QStringLiteral("8")}, {QStringLiteral("memory"), QStringLiteral("16Gi")}, {QStringLiteral("pods"), QStringLiteral("110")}}},
                                               {QStringLiteral("nodeInfo"), QJsonObject{{QStringLiteral("kubeletVersion"), QStringLiteral("v1.32.0")},
                                                                                        {QStringLiteral("osImage"), QStringLiteral("Sandbox Linux 1.0")},
                                                                                        {QStringLiteral("kernelVersion"), QStringLiteral("6.1.0-sandbox")},
                                                                                        {QStringLiteral("containerRuntimeVersion"), QStringLiteral("containerd://1.7.0")},
                                                                                        {QStringLiteral("operatingSystem"), QStringLiteral("linux")},
                                                                                        {QStringLiteral("architecture"), QStringLiteral("amd64")}}}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Service")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("kubernetes")},
                                                                {QStringLiteral("namespace"), QStringLiteral("default")},
                                                                {QStringLiteral("labels"), QJsonObject{{QStringLiteral("component"), QStringLiteral("apiserver")},
                                                                                                       {QStringLiteral("provider"), QStringLiteral("kubernetes")}}}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("clusterIP"), QStringLiteral("10.96.0.1")},
                                                            {QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("https")},
                                                                                                             {QStringLiteral("port"), 443},
                                                                                                             {QStringLiteral("targetPort"), m_ctx.port ? int(m_ctx.port) : 6443}}}}}}});
    // The priority classes every cluster has, and the node's heartbeat lease.
    for (const auto &[name, value, description] :
         {std::tuple{"system-node-critical", 2000001000, "Used for system critical pods that must not be moved from their current node."},
          std::tuple{"system-cluster-critical", 2000000000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."}}) {
        create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("scheduling.k8s.io/v1")},
                           {QStringLiteral("kind"), QStringLiteral("PriorityClass")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QLatin1String(name)}}},
                           {QStringLiteral("value"), value},
                           {QStringLiteral("description"), QLatin1String(description)}});
    }
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("coordination.k8s.io/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Lease")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("sandbox-node-1")},
                                                                {QStringLiteral("namespace"), QStringLiteral("kube-node-lease")}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("holderIdentity"), QStringLiteral("sandbox-node-1")},
                                                            {QStringLiteral("leaseDurationSeconds"), 40},
                                                            {QStringLiteral("renewTime"), QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"))}}}});
    // RBAC roles as a real cluster bootstraps them (abridged), and the sandbox users' bindings.
    auto rule = [](QStringList verbs, QStringList groups, QStringList resources) {
        return QJsonObject{{QStringLiteral("verbs"), QJsonArray::fromStringList(verbs)},
                           {QStringLiteral("apiGroups"), QJsonArray::fromStringList(groups)},
                           {QStringLiteral("resources"), QJsonArray::fromStringList(resources)}};
    };
    const QString rbacV1 = QStringLiteral("rbac.authorization.k8s.io/v1");
    auto clusterRole = [&](const QString &name, const QJsonArray &rules) {
        create(QJsonObject{{QStringLiteral("apiVersion"), rbacV1},
                           {QStringLiteral("kind"), QStringLiteral("ClusterRole")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                                    {QStringLiteral("labels"), QJsonObject{{QStringLiteral("kubernetes.io/bootstrapping"), QStringLiteral("rbac-defaults")}}}}},
                           {QStringLiteral("rules"), rules}});
    };
    auto binding = [&](const QString &name, const QString &role, const QString &subjectKind, const QString &subject) {
        create(QJsonObject{{QStringLiteral("apiVersion"), rbacV1},
                           {QStringLiteral("kind"), QStringLiteral("ClusterRoleBinding")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                           {QStringLiteral("roleRef"), QJsonObject{{QStringLiteral("apiGroup"), QStringLiteral("rbac.authorization.k8s.io")},
                                                                   {QStringLiteral("kind"), QStringLiteral("ClusterRole")},
                                                                   {QStringLiteral("name"), role}}},
                           {QStringLiteral("subjects"), QJsonArray{QJsonObject{{QStringLiteral("apiGroup"), QStringLiteral("rbac.authorization.k8s.io")},
                                                                               {QStringLiteral("kind"), subjectKind},
                                                                               {QStringLiteral("name"), subject}}}}});
    };
    QJsonObject allNonResource{{QStringLiteral("verbs"), QJsonArray{QStringLiteral("*")}},
                               {QStringLiteral("nonResourceURLs"), QJsonArray{QStringLiteral("*")}}};
    clusterRole(QStringLiteral("cluster-admin"), QJsonArray{rule({QStringLiteral("*")}, {QStringLiteral("*")}, {QStringLiteral("*")}), allNonResource});
    const QStringList readVerbs{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")};
    const QStringList writeVerbs{QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
                                 QStringLiteral("patch"), QStringLiteral("update")};
    const QStringList coreRead{QStringLiteral("pods"), QStringLiteral("pods/log"), QStringLiteral("pods/status"), QStringLiteral("services"),
                               QStringLiteral("endpoints"), QStringLiteral("configmaps"), QStringLiteral("serviceaccounts"),
                               QStringLiteral("events"), QStringLiteral("persistentvolumeclaims"), QStringLiteral("namespaces"),
                               QStringLiteral("namespaces/status"), QStringLiteral("nodes")};
    const QStringList appsRead{QStringLiteral("deployments"), QStringLiteral("deployments/scale"), QStringLiteral("replicasets"),
                               QStringLiteral("statefulsets"), QStringLiteral("daemonsets")};
    // Quotas and limit ranges are read-only for view and edit, as upstream's aggregated roles.
    const QStringList quotaRead{QStringLiteral("resourcequotas"), QStringLiteral("resourcequotas/status"), QStringLiteral("limitranges")};
    const QStringList networkingRead{QStringLiteral("ingresses"), QStringLiteral("networkpolicies")};
    clusterRole(QStringLiteral("view"),
                QJsonArray{rule(readVerbs, {QString()}, coreRead + quotaRead), rule(readVerbs, {QStringLiteral("apps")}, appsRead),
                           rule(readVerbs, {QStringLiteral("batch")}, {QStringLiteral("jobs"), QStringLiteral("cronjobs")}),
                           rule(readVerbs, {QStringLiteral("autoscaling")}, {QStringLiteral("horizontalpodautoscalers")}),
                           rule(readVerbs, {QStringLiteral("policy")}, {QStringLiteral("poddisruptionbudgets")}),
                           rule(readVerbs, {QStringLiteral("networking.k8s.io")}, networkingRead),
                           rule(readVerbs, {QStringLiteral("apiextensions.k8s.io")}, {QStringLiteral("customresourcedefinitions")})});
    QStringList editCore = coreRead;
    editCore << QStringLiteral("secrets") << QStringLiteral("pods/exec");
    clusterRole(QStringLiteral("edit"),
                QJsonArray{rule(readVerbs + writeVerbs, {QString()}, editCore), rule(readVerbs, {QString()}, quotaRead),
                           rule(readVerbs + writeVerbs, {QStringLiteral("apps")}, appsRead),
                           rule(readVerbs + writeVerbs, {QStringLiteral("batch")}, {QStringLiteral("jobs"), QStringLiteral("cronjobs")}),
                           rule(readVerbs + writeVerbs, {QStringLiteral("autoscaling")}, {QStringLiteral("horizontalpodautoscalers")}),
                           rule(readVerbs + writeVerbs, {QStringLiteral("policy")}, {QStringLiteral("poddisruptionbudgets")}),
                           rule(readVerbs + writeVerbs, {QStringLiteral("networking.k8s.io")}, networkingRead)});
    // What every authenticated user may do (upstream's bootstrap policy): ask about itself and
    // read discovery, version and health. SelfSubjectRulesReview and `kubectl auth can-i --list`
    // show these rules as on a real cluster.
    auto urlRule = [](const QStringList &urls) {
        return QJsonObject{{QStringLiteral("verbs"), QJsonArray{QStringLiteral("get")}},
                           {QStringLiteral("nonResourceURLs"), QJsonArray::fromStringList(urls)}};
    };
    const QStringList publicInfo{QStringLiteral("/healthz"), QStringLiteral("/livez"), QStringLiteral("/readyz"),
                                 QStringLiteral("/version"), QStringLiteral("/version/")};
    clusterRole(QStringLiteral("system:basic-user"),
                QJsonArray{rule({QStringLiteral("create")}, {QStringLiteral("authorization.k8s.io")},
                                {QStringLiteral("selfsubjectaccessreviews"), QStringLiteral("selfsubjectrulesreviews")}),
                           rule({QStringLiteral("create")}, {QStringLiteral("authentication.k8s.io")}, {QStringLiteral("selfsubjectreviews")})});
    clusterRole(QStringLiteral("system:discovery"),
                QJsonArray{urlRule(QStringList{QStringLiteral("/api"), QStringLiteral("/api/*"), QStringLiteral("/apis"), QStringLiteral("/apis/*"),
                                               QStringLiteral("/openapi"), QStringLiteral("/openapi/*")}
                                   + publicInfo)});
    clusterRole(QStringLiteral("system:public-info-viewer"), QJsonArray{urlRule(publicInfo)});
    for (const char *role : {"system:basic-user", "system:discovery", "system:public-info-viewer"})
        binding(QLatin1String(role), QLatin1String(role), QStringLiteral("Group"), QStringLiteral("system:authenticated"));
    binding(QStringLiteral("cluster-admin"), QStringLiteral("cluster-admin"), QStringLiteral("Group"), QStringLiteral("system:masters"));
    binding(QStringLiteral("sandbox-developer"), QStringLiteral("cluster-admin"), QStringLiteral("User"), QStringLiteral("developer"));
    binding(QStringLiteral("sandbox-viewer"), QStringLiteral("view"), QStringLiteral("User"), QStringLiteral("viewer"));
    m_ctx.apiServices->syncApiServices(true);
}

void DemoData::loadPods(int count, const QString &namespaceName)
{
    if (!m_ctx.store.get(namespacesGvr, QString(), namespaceName)) {
        (void)m_ctx.writer->createObject(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                                     {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                                     {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), namespaceName}}}});
    }
    const QString now = nowTimestamp();
    const QString node = m_ctx.controllers->firstNodeName();
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("load-%1").arg(i, 6, 10, QLatin1Char('0'));
        const QString ip = QStringLiteral("10.%1.%2.%3").arg(100 + i / 62500).arg((i / 250) % 250).arg(i % 250 + 1);
        QJsonObject pod{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("Pod")},
                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                                 {QStringLiteral("namespace"), namespaceName},
                                                                 {QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                                                 {QStringLiteral("creationTimestamp"), now},
                                                                 {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("load")},
                                                                                                        {QStringLiteral("shard"), QString::number(i % 10)}}}}},
                        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("nodeName"), node},
                                                             {QStringLiteral("containers"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                                                                                                   {QStringLiteral("image"), QStringLiteral("registry.example/load:1.0")}}}}}},
                        {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                                                               {QStringLiteral("podIP"), ip},
                                                               {QStringLiteral("startTime"), now},
                                                               {QStringLiteral("containerStatuses"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                                                                                                            {QStringLiteral("ready"), true},
                                                                                                                            {QStringLiteral("restartCount"), 0},
                                                                                                                            {QStringLiteral("state"), QJsonObject{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), now}}}}}}}},
                                                               {QStringLiteral("conditions"), QJsonArray{condition(QStringLiteral("Ready"), true, now)}}}}};
        m_ctx.store.put(podsGvr, pod);
    }
}

void DemoData::setEventsPerSecond(int eventsPerSecond)
{
    m_eventsPerSecond = eventsPerSecond;
    if (!m_loadTimer) {
        m_loadTimer = new QTimer(this);
        m_loadTimer->setInterval(100);
        connect(m_loadTimer, &QTimer::timeout, this, [this] {
            const auto &pods = m_ctx.store.objects(podsGvr);
            const QString prefix = QStringLiteral("load/");
            auto begin = pods.lower_bound(prefix);
            if (begin == pods.end() || !begin->first.startsWith(prefix))
                return;
            const int perTick = qMax(1, m_eventsPerSecond / 10);
            for (int i = 0; i < perTick; ++i) {
                const QString name = QStringLiteral("load-%1").arg(qulonglong(m_loadCursor++ % 1000000), 6, 10, QLatin1Char('0'));
                const QJsonObject *p = m_ctx.store.get(podsGvr, QStringLiteral("load"), name);
                if (!p) {
                    m_loadCursor = 0;
                    continue;
                }
                QJsonObject pod = *p;
                QJsonObject meta = metaOf(pod);
                QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
                annotations.insert(QStringLiteral("sandbox.qluster.dev/tick"), QString::number(m_loadCursor));
                meta.insert(QStringLiteral("annotations"), annotations);
                pod.insert(kMetadata, meta);
                m_ctx.store.put(podsGvr, pod);
            }
        });
    }
    if (eventsPerSecond > 0)
        m_loadTimer->start();
    else
        m_loadTimer->stop();
}

void DemoData::loadDemoObjects()
{
    auto create = [this](const QJsonObject &o) {
        auto r = m_ctx.writer->createObject(o);
        if (!r)
            qCWarning(lcSandbox) << "demo object not created:" << r.error().toString();
    };
    auto ns = [&](const QString &name) {
        create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                           {QStringLiteral("kind"), QStringLiteral("Namespace")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}});
    };
    ns(QStringLiteral("shop"));
    ns(QStringLiteral("monitoring"));
    ns(QStringLiteral("batch-jobs"));
    auto container = [](const QString &name, const QString &image, int port) {
        QJsonObject c{{QStringLiteral("name"), name}, {QStringLiteral("image"), image}};
        if (port > 0)
            c.insert(QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("containerPort"), port}, {QStringLiteral("protocol"), QStringLiteral("TCP")}}});
        c.insert(QStringLiteral("env"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("APP_NAME")}, {QStringLiteral("value"), name}}});
        return c;
    };
    auto deployment = [&](const QString &nsName, const QString &name, int replicas, const QJsonArray &containers) {
        const QJsonObject labels{{QStringLiteral("app"), name}};
        create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                           {QStringLiteral("kind"), QStringLiteral("Deployment")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), nsName}, {QStringLiteral("labels"), labels}}},
                           {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas},
                                                                {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                                                                {QStringLiteral("template"), QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
                                                                                                         {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), containers}}}}}}}});
        QJsonArray ports;
        for (const QJsonValue &c : containers) {
            for (const QJsonValue &pv : c.toObject().value(QLatin1String("ports")).toArray())
                ports.append(QJsonObject{{QStringLiteral("port"), pv.toObject().value(QLatin1String("containerPort"))},
                                         {QStringLiteral("targetPort"), pv.toObject().value(QLatin1String("containerPort"))}});
        }
        if (!ports.isEmpty()) {
            create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("kind"), QStringLiteral("Service")},
                               {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), nsName}, {QStringLiteral("labels"), labels}}},
                               {QStringLiteral("spec"), QJsonObject{{QStringLiteral("selector"), labels}, {QStringLiteral("ports"), ports}}}});
        }
    };
    deployment(QStringLiteral("shop"), QStringLiteral("frontend"), 3, QJsonArray{container(QStringLiteral("frontend"), QStringLiteral("nginx:1.27"), 80)});
    deployment(QStringLiteral("shop"), QStringLiteral("cart"), 2, QJsonArray{container(QStringLiteral("cart"), QStringLiteral("ghcr.io/example/cart:2.4.1"), 8080)});
    deployment(QStringLiteral("shop"), QStringLiteral("checkout"), 1,
               QJsonArray{container(QStringLiteral("checkout"), QStringLiteral("ghcr.io/example/checkout:1.9"), 8080),
                          container(QStringLiteral("envoy"), QStringLiteral("envoyproxy/envoy:v1.31.0"), 9901)});
    deployment(QStringLiteral("monitoring"), QStringLiteral("prometheus"), 1, QJsonArray{container(QStringLiteral("prometheus"), QStringLiteral("prom/prometheus:v2.54.0"), 9090)});
    deployment(QStringLiteral("monitoring"), QStringLiteral("grafana"), 1, QJsonArray{container(QStringLiteral("grafana"), QStringLiteral("grafana/grafana:11.2.0"), 3000)});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Pod")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("flaky-worker")},
                                                                {QStringLiteral("namespace"), QStringLiteral("shop")},
                                                                {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("flaky-worker")}}},
                                                                {QStringLiteral("annotations"), QJsonObject{{behaviorAnnotation, QStringLiteral("crashloop")}}}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{container(QStringLiteral("worker"), QStringLiteral("ghcr.io/example/worker:0.3"), 0)}}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Job")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("nightly-report")}, {QStringLiteral("namespace"), QStringLiteral("batch-jobs")}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("template"),
                                                             QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("restartPolicy"), QStringLiteral("Never")},
                                                                                                             {QStringLiteral("containers"), QJsonArray{container(QStringLiteral("report"), QStringLiteral("busybox:1.36"), 0)}}}}}}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                       {QStringLiteral("kind"), QStringLiteral("CronJob")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("cleanup")}, {QStringLiteral("namespace"), QStringLiteral("batch-jobs")}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("schedule"), QStringLiteral("*/5 * * * *")},
                                                            {QStringLiteral("jobTemplate"), QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("template"),
                                                                QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("restartPolicy"), QStringLiteral("OnFailure")},
                                                                                                                {QStringLiteral("containers"), QJsonArray{container(QStringLiteral("cleanup"), QStringLiteral("busybox:1.36"), 0)}}}}}}}}}}}}});
    // A small StatefulSet with a claim per pod (and its headless Service), and a DaemonSet.
    const QJsonObject redisLabels{{QStringLiteral("app"), QStringLiteral("redis")}};
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Service")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("redis")}, {QStringLiteral("namespace"), QStringLiteral("shop")}, {QStringLiteral("labels"), redisLabels}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("clusterIP"), QStringLiteral("None")},
                                                            {QStringLiteral("selector"), redisLabels},
                                                            {QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("port"), 6379}}}}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                       {QStringLiteral("kind"), QStringLiteral("StatefulSet")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("redis")}, {QStringLiteral("namespace"), QStringLiteral("shop")}, {QStringLiteral("labels"), redisLabels}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 2},
                                                            {QStringLiteral("serviceName"), QStringLiteral("redis")},
                                                            {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), redisLabels}}},
                                                            {QStringLiteral("template"), QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), redisLabels}}},
                                                                                                     {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{container(QStringLiteral("redis"), QStringLiteral("redis:7.4"), 6379)}}}}}},
                                                            {QStringLiteral("volumeClaimTemplates"),
                                                             QJsonArray{QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("data")}}},
                                                                                    {QStringLiteral("spec"), QJsonObject{{QStringLiteral("accessModes"), QJsonArray{QStringLiteral("ReadWriteOnce")}},
                                                                                                                         {QStringLiteral("resources"), QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("storage"), QStringLiteral("1Gi")}}}}}}}}}}}}});
    const QJsonObject exporterLabels{{QStringLiteral("app"), QStringLiteral("node-exporter")}};
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                       {QStringLiteral("kind"), QStringLiteral("DaemonSet")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("node-exporter")}, {QStringLiteral("namespace"), QStringLiteral("monitoring")}, {QStringLiteral("labels"), exporterLabels}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), exporterLabels}}},
                                                            {QStringLiteral("template"), QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), exporterLabels}}},
                                                                                                     {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{container(QStringLiteral("node-exporter"), QStringLiteral("prom/node-exporter:v1.8.2"), 9100)}}}}}}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("frontend-config")}, {QStringLiteral("namespace"), QStringLiteral("shop")}}},
                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("nginx.conf"), QStringLiteral("server { listen 80; }\n")}, {QStringLiteral("LOG_LEVEL"), QStringLiteral("info")}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Secret")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("cart-db")}, {QStringLiteral("namespace"), QStringLiteral("shop")}}},
                       {QStringLiteral("type"), QStringLiteral("Opaque")},
                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("username"), QStringLiteral("Y2FydA==")}, {QStringLiteral("password"), QStringLiteral("ZGVtby1vbmx5")}}}});
    loadDemoPolicies();
}

void DemoData::loadDemoPolicies()
{
    static const char objects[] = R"([
  {"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
   "metadata": {"name": "standard", "annotations": {"storageclass.kubernetes.io/is-default-class": "true"}},
   "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete", "volumeBindingMode": "WaitForFirstConsumer"},
  {"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "pv-local-1"},
   "spec": {"capacity": {"storage": "10Gi"}, "accessModes": ["ReadWriteOnce"], "storageClassName": "standard",
            "persistentVolumeReclaimPolicy": "Delete", "hostPath": {"path": "/var/local-path/pv-local-1"}}},
  {"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "pv-backup"},
   "spec": {"capacity": {"storage": "100Gi"}, "accessModes": ["ReadWriteMany"],
            "nfs": {"server": "nfs.example.internal", "path": "/exports/backup"}}},
  {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "shop-quota", "namespace": "shop"},
   "spec": {"hard": {"pods": "20", "services": "10", "configmaps": "20", "secrets": "20",
                     "count/deployments.apps": "10", "persistentvolumeclaims": "5"}}},
  {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "frontend", "namespace": "shop"},
   "spec": {"minAvailable": 2, "selector": {"matchLabels": {"app": "frontend"}}}},
  {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "frontend", "namespace": "shop"},
   "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "frontend"}, "minReplicas": 3, "maxReplicas": 6,
            "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}}]}},
  {"apiVersion": "networking.k8s.io/v1", "kind": "IngressClass",
   "metadata": {"name": "nginx", "annotations": {"ingressclass.kubernetes.io/is-default-class": "true"}},
   "spec": {"controller": "k8s.io/ingress-nginx"}},
  {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "same-namespace-and-monitoring", "namespace": "shop"},
   "spec": {"podSelector": {}, "policyTypes": ["Ingress"],
            "ingress": [{"from": [{"podSelector": {}},
                                  {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}}]}]}}
])";
    for (const QJsonValue &v : QJsonDocument::fromJson(QByteArray(objects)).array()) {
        if (auto created = m_ctx.writer->createObject(v.toObject()); !created)
            qCWarning(lcSandbox) << "demo object not created:" << created.error().toString();
    }
}

} // namespace Qluster
