// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The sandbox's StatefulSet, DaemonSet and CronJob controllers driven by real kubectl: what a
// user of a real cluster sees (pod order, scale, rollout status, schedules, history limits).
// CronJobs run on the sandbox's settable clock, moved with kubectl through /sandbox/v1/faults.

#include "sandboxfixture.h"
#include "testenv.h"
#include "sandbox/sandboxobjects.h"

#include <QJsonDocument>
#include <QRegularExpression>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;
using SandboxObjects::jobsGvr;
using SandboxObjects::podsGvr;

namespace {

const Gvr &claimsGvr = SandboxObjects::persistentVolumeClaimsGvr;

QJsonObject metadata(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString nameOf(const QJsonObject &o)
{
    return metadata(o).value(QLatin1String("name")).toString();
}

bool runningAndReady(const QJsonObject &pod)
{
    return pod.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString() == QLatin1String("Running")
           && SandboxObjects::conditionTrue(pod, QLatin1String("Ready"));
}

const QByteArray statefulSet = R"(
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
  namespace: default
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
)";

// A CronJob `name` in namespace default whose pods behave as `behavior` (complete, fail,
// pending); `spec` and `jobSpec` are more YAML lines of its spec (indented by two spaces) and of
// its Job template's spec (by six).
QByteArray cronJob(const char *name, const char *spec, const char *jobSpec, const char *behavior)
{
    return QByteArray("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ") + name + "\n  namespace: default\nspec:\n" + spec
           + "  jobTemplate:\n    metadata:\n      labels: {app: " + name + "}\n    spec:\n" + jobSpec
           + "      template:\n        metadata:\n          annotations: {sandbox.qluster.dev/behavior: " + behavior + "}\n"
           + "        spec:\n          restartPolicy: Never\n          containers:\n          - name: main\n            image: busybox:1.36\n";
}

} // namespace

class tst_SandboxControllers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_f;

    KubectlResult kubectl(const QStringList &args, const QByteArray &input = {})
    {
        return m_f->kubectl(args, input, 60000);
    }

    QStringList names(const Gvr &gvr, const QString &ns = QStringLiteral("default"))
    {
        QStringList result;
        m_f->sandbox().invoke([&](SandboxServer &s) {
            for (const auto &[key, o] : s.store().objects(gvr)) {
                if (metadata(o).value(QLatin1String("namespace")).toString() == ns)
                    result << nameOf(o);
            }
        });
        return result;
    }

    // What happens to pods, in order: "ADDED x", "READY x" (became Running and Ready),
    // "DELETED x"; recorded by a store watcher in the sandbox's thread.
    QStringList m_podHistory;

    void recordPodHistory()
    {
        m_f->sandbox().invoke([this](SandboxServer &s) {
            s.store().addWatcher(podsGvr, [this](const WatchEvent &e) {
                const QString name = nameOf(e.object);
                if (e.type == WatchEvent::Type::Added)
                    m_podHistory << QStringLiteral("ADDED ") + name;
                else if (e.type == WatchEvent::Type::Deleted)
                    m_podHistory << QStringLiteral("DELETED ") + name;
                else if (runningAndReady(e.object) && !runningAndReady(e.previous))
                    m_podHistory << QStringLiteral("READY ") + name;
            });
        });
    }

    QStringList podHistory(qsizetype from = 0)
    {
        QStringList history;
        m_f->sandbox().invoke([&](SandboxServer &) { history = m_podHistory.mid(from); });
        return history;
    }

    QString jsonPath(const QString &resource, const QString &path, const QString &ns = QStringLiteral("default"))
    {
        const KubectlResult r = kubectl({QStringLiteral("get"), resource, QStringLiteral("-n"), ns, QStringLiteral("-o"), QStringLiteral("jsonpath=") + path});
        return r.exitCode == 0 ? r.out : QStringLiteral("error: ") + r.err;
    }

    // Moves the sandbox's clock as a user of qluster-sandbox would: kubectl against its knob.
    bool setClock(const QJsonObject &knob)
    {
        const KubectlResult r = kubectl({QStringLiteral("create"), QStringLiteral("--raw"), QStringLiteral("/sandbox/v1/faults"), QStringLiteral("-f"), QStringLiteral("-")},
                                        QJsonDocument(knob).toJson(QJsonDocument::Compact));
        if (r.exitCode != 0)
            qWarning() << r.err;
        return r.exitCode == 0;
    }

    bool jobFinished(const QString &name, const char *condition)
    {
        return SandboxObjects::conditionTrue(m_f->object(jobsGvr, QStringLiteral("default"), name), QLatin1String(condition));
    }

private Q_SLOTS:
    void init()
    {
        SandboxOptions options;
        options.podStartMilliseconds = 100;
        m_f = std::make_unique<SandboxFixture>(options);
        QVERIFY2(m_f->error().isEmpty(), qPrintable(m_f->error()));
        m_podHistory.clear();
        recordPodHistory();
    }

    void cleanup() { m_f.reset(); }

    void statefulSetOrderedCreateScaleAndRollout()
    {
        KubectlResult r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, statefulSet);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("statefulset/web"), QStringLiteral("--timeout=30s")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.endsWith(QStringLiteral("partitioned roll out complete: 3 new pods have been updated...\n")), qPrintable(r.out));

        // OrderedReady: each pod is created only once the one before it runs and is ready.
        const QStringList history = podHistory();
        QVERIFY2(history.indexOf(QStringLiteral("READY web-0")) >= 0, qPrintable(history.join(QLatin1Char(','))));
        QVERIFY2(history.indexOf(QStringLiteral("READY web-0")) < history.indexOf(QStringLiteral("ADDED web-1")), qPrintable(history.join(QLatin1Char(','))));
        QVERIFY2(history.indexOf(QStringLiteral("READY web-1")) < history.indexOf(QStringLiteral("ADDED web-2")), qPrintable(history.join(QLatin1Char(','))));
        QCOMPARE(history.indexOf(QStringLiteral("ADDED web-3")), -1);

        r = kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"), QStringLiteral("app=web"), QStringLiteral("--no-headers")});
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("^web-0\\s+1/1\\s+Running"), QRegularExpression::MultilineOption)));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("^web-2\\s+1/1\\s+Running"), QRegularExpression::MultilineOption)));
        QCOMPARE(jsonPath(QStringLiteral("statefulset/web"),
                          QStringLiteral("{.status.replicas}/{.status.readyReplicas}/{.status.currentReplicas}/{.status.updatedReplicas}/"
                                         "{.status.availableReplicas}/{.status.observedGeneration}")),
                 QStringLiteral("3/3/3/3/3/1"));
        const QString revision = jsonPath(QStringLiteral("statefulset/web"), QStringLiteral("{.status.updateRevision}"));
        QVERIFY2(revision.startsWith(QStringLiteral("web-")), qPrintable(revision));
        QCOMPARE(jsonPath(QStringLiteral("pod/web-1"),
                          QStringLiteral("{.metadata.labels.statefulset\\.kubernetes\\.io/pod-name} {.metadata.labels.controller-revision-hash} "
                                         "{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.spec.hostname}.{.spec.subdomain} "
                                         "{.spec.volumes[0].persistentVolumeClaim.claimName}")),
                 QStringLiteral("web-1 %1 StatefulSet/web web-1.web www-web-1").arg(revision));
        // A claim per pod from the volumeClaimTemplates, bound.
        r = kubectl({QStringLiteral("get"), QStringLiteral("pvc"), QStringLiteral("--no-headers")});
        for (const char *claim : {"www-web-0", "www-web-1", "www-web-2"})
            QVERIFY2(r.out.contains(QRegularExpression(QLatin1String(claim) + QStringLiteral("\\s+Bound\\s+pvc-\\S+\\s+1Gi\\s+RWO"))), qPrintable(r.out));

        // Scale down: the highest ordinal goes first.
        const qsizetype beforeScale = podHistory().size();
        r = kubectl({QStringLiteral("scale"), QStringLiteral("sts"), QStringLiteral("web"), QStringLiteral("--replicas=1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("statefulset.apps/web scaled")));
        QTRY_COMPARE_WITH_TIMEOUT(names(podsGvr), QStringList{QStringLiteral("web-0")}, 10000);
        const QStringList scaled = podHistory(beforeScale);
        QCOMPARE(scaled, (QStringList{QStringLiteral("DELETED web-2"), QStringLiteral("DELETED web-1")}));
        r = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("sts/web"), QStringLiteral("--timeout=30s")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QTRY_COMPARE_WITH_TIMEOUT(jsonPath(QStringLiteral("sts/web"), QStringLiteral("{.status.replicas}/{.status.readyReplicas}")), QStringLiteral("1/1"), 10000);
        // Claims stay (persistentVolumeClaimRetentionPolicy defaults to Retain).
        QCOMPARE(names(claimsGvr).size(), 3);
        r = kubectl({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("--field-selector=involvedObject.name=web")});
        QVERIFY2(r.out.contains(QStringLiteral("SuccessfulCreate")) && r.out.contains(QStringLiteral("create Pod web-2 in StatefulSet web successful")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("delete Pod web-1 in StatefulSet web successful")), qPrintable(r.out));

        // A template change rolls the pods over from the highest ordinal; rollout status waits.
        r = kubectl({QStringLiteral("scale"), QStringLiteral("sts"), QStringLiteral("web"), QStringLiteral("--replicas=2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = kubectl({QStringLiteral("set"), QStringLiteral("image"), QStringLiteral("sts/web"), QStringLiteral("nginx=nginx:1.28")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("sts/web"), QStringLiteral("--timeout=30s")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(jsonPath(QStringLiteral("pods"), QStringLiteral("{.items[*].spec.containers[0].image}")), QStringLiteral("nginx:1.28 nginx:1.28"));

        // Deleting the StatefulSet deletes its pods, not its claims.
        r = kubectl({QStringLiteral("delete"), QStringLiteral("sts"), QStringLiteral("web")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY_WITH_TIMEOUT(names(podsGvr).isEmpty(), 10000);
        QCOMPARE(names(claimsGvr).size(), 3);
    }

    void statefulSetParallelAndClaimsDeletedWithIt()
    {
        QByteArray parallel = statefulSet;
        parallel.replace("replicas: 3", "replicas: 2\n  podManagementPolicy: Parallel\n"
                                        "  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}");
        KubectlResult r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, parallel);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("sts/web"), QStringLiteral("--timeout=30s")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        // Parallel: both pods exist before either is ready.
        const QStringList history = podHistory();
        QVERIFY2(history.indexOf(QStringLiteral("ADDED web-1")) < history.indexOf(QStringLiteral("READY web-0")), qPrintable(history.join(QLatin1Char(','))));
        r = kubectl({QStringLiteral("scale"), QStringLiteral("sts"), QStringLiteral("web"), QStringLiteral("--replicas=1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(names(claimsGvr), QStringList{QStringLiteral("www-web-0")}, 10000);
        r = kubectl({QStringLiteral("delete"), QStringLiteral("sts"), QStringLiteral("web")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY_WITH_TIMEOUT(names(claimsGvr).isEmpty() && names(podsGvr).isEmpty(), 10000);
    }

    void daemonSetOnePodPerNode()
    {
        // Two more nodes: one with a label, one with a taint the pods do not tolerate.
        const QByteArray nodes = R"(
apiVersion: v1
kind: Node
metadata:
  name: sandbox-node-2
  labels: {kubernetes.io/hostname: sandbox-node-2, disk: ssd}
---
apiVersion: v1
kind: Node
metadata:
  name: sandbox-node-3
  labels: {kubernetes.io/hostname: sandbox-node-3, disk: ssd}
spec:
  taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
)";
        KubectlResult r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, nodes);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray daemonSet = R"(
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: default
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: example/agent:1.0
)";
        r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, daemonSet);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("ds/agent"), QStringLiteral("--timeout=30s")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.endsWith(QStringLiteral("daemon set \"agent\" successfully rolled out\n")), qPrintable(r.out));
        r = kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-o"),
                     QStringLiteral("custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,AFFINITY:.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0],STATUS:.status.phase"),
                     QStringLiteral("--no-headers"), QStringLiteral("--sort-by=.spec.nodeName")});
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).contains(QRegularExpression(QStringLiteral("^agent-[a-z0-9]{5}\\s+sandbox-node-1\\s+sandbox-node-1\\s+Running$"))), qPrintable(r.out));
        QVERIFY2(lines.at(1).contains(QRegularExpression(QStringLiteral("^agent-[a-z0-9]{5}\\s+sandbox-node-2\\s+sandbox-node-2\\s+Running$"))), qPrintable(r.out));
        QCOMPARE(jsonPath(QStringLiteral("ds/agent"),
                          QStringLiteral("{.status.desiredNumberScheduled}/{.status.currentNumberScheduled}/{.status.numberReady}/"
                                         "{.status.numberAvailable}/{.status.updatedNumberScheduled}/{.status.observedGeneration}")),
                 QStringLiteral("2/2/2/2/2/1"));

        // A nodeSelector narrows it to the labelled node it can run on; the other pod goes.
        r = kubectl({QStringLiteral("patch"), QStringLiteral("ds"), QStringLiteral("agent"), QStringLiteral("-p"),
                     QStringLiteral(R"({"spec":{"template":{"spec":{"nodeSelector":{"disk":"ssd"}}}}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("ds/agent"), QStringLiteral("--timeout=30s")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QTRY_COMPARE_WITH_TIMEOUT(jsonPath(QStringLiteral("pods"), QStringLiteral("{.items[*].spec.nodeName}")), QStringLiteral("sandbox-node-2"), 10000);
        QCOMPARE(jsonPath(QStringLiteral("ds/agent"), QStringLiteral("{.status.desiredNumberScheduled}/{.status.numberReady}/{.status.observedGeneration}")),
                 QStringLiteral("1/1/2"));

        // Nodes come and go: the DaemonSet follows.
        r = kubectl({QStringLiteral("delete"), QStringLiteral("node"), QStringLiteral("sandbox-node-2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY_WITH_TIMEOUT(names(podsGvr).isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(jsonPath(QStringLiteral("ds/agent"), QStringLiteral("{.status.desiredNumberScheduled}")), QStringLiteral("0"), 10000);
        r = kubectl({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("--field-selector=involvedObject.name=agent")});
        QVERIFY2(r.out.contains(QStringLiteral("SuccessfulCreate")) && r.out.contains(QStringLiteral("SuccessfulDelete")), qPrintable(r.out));
    }

    void cronJobRunsWhenItsTimeComes()
    {
        const QByteArray tick = cronJob("tick", "  schedule: \"@yearly\"\n  timeZone: Europe/Berlin\n  successfulJobsHistoryLimit: 1\n", "", "complete");
        KubectlResult r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, tick);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(jsonPath(QStringLiteral("cj/tick"), QStringLiteral("{.spec.concurrencyPolicy}/{.spec.suspend}/{.spec.failedJobsHistoryLimit}")),
                 QStringLiteral("Allow/false/1"));
        QVERIFY(names(jobsGvr).isEmpty());

        // Midnight of 2100-01-01 in Berlin is 2099-12-31T23:00Z, minute 68374020 since the epoch.
        QVERIFY(setClock({{QStringLiteral("clock"), QStringLiteral("2100-01-01T00:00:30+01:00")}}));
        QTRY_COMPARE_WITH_TIMEOUT(names(jobsGvr), QStringList{QStringLiteral("tick-68374020")}, 10000);
        QCOMPARE(jsonPath(QStringLiteral("job/tick-68374020"),
                          QStringLiteral("{.metadata.annotations.batch\\.kubernetes\\.io/cronjob-scheduled-timestamp} {.metadata.labels.app} "
                                         "{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}")),
                 QStringLiteral("2100-01-01T00:00:00+01:00 tick CronJob/tick"));
        QTRY_COMPARE_WITH_TIMEOUT(jsonPath(QStringLiteral("cj/tick"), QStringLiteral("{.status.lastScheduleTime} {.status.active[*].name}")),
                                  QStringLiteral("2099-12-31T23:00:00Z tick-68374020"), 10000);
        // The job's pod completes; the CronJob notes it.
        QTRY_VERIFY_WITH_TIMEOUT(jobFinished(QStringLiteral("tick-68374020"), "Complete"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(jsonPath(QStringLiteral("cj/tick"), QStringLiteral("{.status.active}")), QString(), 10000);
        QVERIFY(!jsonPath(QStringLiteral("cj/tick"), QStringLiteral("{.status.lastSuccessfulTime}")).isEmpty());

        // A year later (2100 is no leap year) the next Job runs, and the history limit of one
        // removes the first once the second has succeeded.
        QVERIFY(setClock({{QStringLiteral("advanceClockSeconds"), 365 * 86400}}));
        QTRY_VERIFY_WITH_TIMEOUT(names(jobsGvr).contains(QStringLiteral("tick-68899620")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(jobFinished(QStringLiteral("tick-68899620"), "Complete"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(names(jobsGvr), QStringList{QStringLiteral("tick-68899620")}, 10000);
        r = kubectl({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("--field-selector=involvedObject.name=tick")});
        for (const char *message : {"Created job tick-68374020", "Saw completed job: tick-68374020, status: Complete", "Deleted job tick-68374020"})
            QVERIFY2(r.out.contains(QLatin1String(message)), qPrintable(r.out));

        // Deleting the CronJob deletes its Jobs and their pods.
        r = kubectl({QStringLiteral("delete"), QStringLiteral("cronjob"), QStringLiteral("tick")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY_WITH_TIMEOUT(names(jobsGvr).isEmpty() && names(podsGvr).isEmpty(), 10000);
    }

    void cronJobFailedHistoryLimit()
    {
        // Every five minutes; its pods fail and the Job gives up after one failure.
        const QByteArray flaky = cronJob("flaky", "  schedule: \"*/5 * * * *\"\n", "      backoffLimit: 0\n", "fail");
        KubectlResult r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, flaky);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // 2100-06-01T00:00Z is minute 68591520 since the epoch.
        QVERIFY(setClock({{QStringLiteral("clock"), QStringLiteral("2100-06-01T00:02:00Z")}}));
        QTRY_VERIFY_WITH_TIMEOUT(jobFinished(QStringLiteral("flaky-68591520"), "Failed"), 10000);
        QCOMPARE(jsonPath(QStringLiteral("job/flaky-68591520"), QStringLiteral("{.status.conditions[0].reason}")), QStringLiteral("BackoffLimitExceeded"));
        QVERIFY(setClock({{QStringLiteral("advanceClockSeconds"), 300}}));
        QTRY_VERIFY_WITH_TIMEOUT(jobFinished(QStringLiteral("flaky-68591525"), "Failed"), 10000);
        // failedJobsHistoryLimit defaults to 1.
        QTRY_COMPARE_WITH_TIMEOUT(names(jobsGvr), QStringList{QStringLiteral("flaky-68591525")}, 10000);
        QCOMPARE(jsonPath(QStringLiteral("cj/flaky"), QStringLiteral("{.status.lastScheduleTime}|{.status.lastSuccessfulTime}")),
                 QStringLiteral("2100-06-01T00:05:00Z|"));
    }

    void cronJobConcurrencyAndSuspend()
    {
        // Its pods never start, so its Jobs stay active.
        const QByteArray slow = cronJob("slow", "  schedule: \"0 * * * *\"\n  suspend: true\n  concurrencyPolicy: Forbid\n", "", "pending");
        KubectlResult r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, slow);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // 2100-06-01T10:00Z is minute 68592120.
        QVERIFY(setClock({{QStringLiteral("clock"), QStringLiteral("2100-06-01T10:30:00Z")}}));
        // Suspended: nothing runs (the reconcile the clock change started has run before this
        // call reaches the sandbox's thread); resumed, the missed time runs.
        QVERIFY(names(jobsGvr).isEmpty());
        r = kubectl({QStringLiteral("patch"), QStringLiteral("cj"), QStringLiteral("slow"), QStringLiteral("-p"), QStringLiteral(R"({"spec":{"suspend":false}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(names(jobsGvr), QStringList{QStringLiteral("slow-68592120")}, 10000);
        // Forbid: the next hour's Job waits while one is active.
        QVERIFY(setClock({{QStringLiteral("advanceClockSeconds"), 3600}}));
        QTRY_VERIFY_WITH_TIMEOUT(kubectl({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("--field-selector=involvedObject.name=slow")})
                                     .out.contains(QStringLiteral("JobAlreadyActive")), 10000);
        QCOMPARE(names(jobsGvr), QStringList{QStringLiteral("slow-68592120")});
        // Replace: the active Job is deleted and the waiting time runs.
        r = kubectl({QStringLiteral("patch"), QStringLiteral("cj"), QStringLiteral("slow"), QStringLiteral("-p"), QStringLiteral(R"({"spec":{"concurrencyPolicy":"Replace"}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(names(jobsGvr), QStringList{QStringLiteral("slow-68592180")}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(jsonPath(QStringLiteral("cj/slow"), QStringLiteral("{.status.active[*].name}")), QStringLiteral("slow-68592180"), 10000);
        // Allow: one more hour, and both run.
        r = kubectl({QStringLiteral("patch"), QStringLiteral("cj"), QStringLiteral("slow"), QStringLiteral("-p"), QStringLiteral(R"({"spec":{"concurrencyPolicy":"Allow"}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(setClock({{QStringLiteral("advanceClockSeconds"), 3600}}));
        QTRY_COMPARE_WITH_TIMEOUT(names(jobsGvr), (QStringList{QStringLiteral("slow-68592180"), QStringLiteral("slow-68592240")}), 10000);
    }

    void cronJobValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("minute out of range") << QStringLiteral("schedule") << QStringLiteral("61 * * * *")
                                             << QStringLiteral("spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61");
        QTest::newRow("words") << QStringLiteral("schedule") << QStringLiteral("every day")
                               << QStringLiteral("spec.schedule: Invalid value: \"every day\": expected exactly 5 fields, found 2: [every day]");
        QTest::newRow("TZ in the schedule") << QStringLiteral("schedule") << QStringLiteral("CRON_TZ=UTC 0 * * * *")
                                            << QStringLiteral("spec.schedule: Invalid value: \"CRON_TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
        QTest::newRow("unknown zone") << QStringLiteral("timeZone") << QStringLiteral("Mars/Olympus")
                                      << QStringLiteral("spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus");
        QTest::newRow("policy") << QStringLiteral("concurrencyPolicy") << QStringLiteral("Sometimes")
                                << QStringLiteral("spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", \"Replace\"");
    }

    void cronJobValidation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, error);
        QJsonObject spec{{QStringLiteral("schedule"), QStringLiteral("0 * * * *")},
                         {QStringLiteral("jobTemplate"), QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("template"), QJsonObject{{QStringLiteral("spec"), QJsonObject{
                             {QStringLiteral("restartPolicy"), QStringLiteral("Never")},
                             {QStringLiteral("containers"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")}, {QStringLiteral("image"), QStringLiteral("busybox")}}}}}}}}}}}}};
        spec.insert(field, value);
        const QJsonObject cronJob{{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                                  {QStringLiteral("kind"), QStringLiteral("CronJob")},
                                  {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("bad")}, {QStringLiteral("namespace"), QStringLiteral("default")}}},
                                  {QStringLiteral("spec"), spec}};
        KubectlResult r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, QJsonDocument(cronJob).toJson());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("The CronJob \"bad\" is invalid: ") + error), qPrintable(r.err));
        // The same on update.
        spec.insert(field, field == QLatin1String("schedule") ? QStringLiteral("0 * * * *") : field == QLatin1String("timeZone") ? QStringLiteral("Europe/Berlin") : QStringLiteral("Forbid"));
        QJsonObject valid = cronJob;
        valid.insert(QStringLiteral("spec"), spec);
        r = kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, QJsonDocument(valid).toJson());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = kubectl({QStringLiteral("patch"), QStringLiteral("cj"), QStringLiteral("bad"), QStringLiteral("-p"),
                     QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("spec"), QJsonObject{{field, value}}}}).toJson(QJsonDocument::Compact))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(error), qPrintable(r.err));
    }

    void clockKnobRejectsGarbage()
    {
        const KubectlResult r = kubectl({QStringLiteral("create"), QStringLiteral("--raw"), QStringLiteral("/sandbox/v1/faults"), QStringLiteral("-f"), QStringLiteral("-")},
                                        R"({"clock":"next tuesday"})");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("clock: not an RFC 3339 time: next tuesday")), qPrintable(r.err));
    }

    void demoWorkloadsComeAlive()
    {
        SandboxOptions options;
        options.podStartMilliseconds = 100;
        options.demoData = true;
        m_f = std::make_unique<SandboxFixture>(options);
        QVERIFY2(m_f->error().isEmpty(), qPrintable(m_f->error()));
        QTRY_COMPARE_WITH_TIMEOUT(jsonPath(QStringLiteral("sts/redis"), QStringLiteral("{.status.readyReplicas}/{.spec.replicas}"), QStringLiteral("shop")),
                                  QStringLiteral("2/2"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(jsonPath(QStringLiteral("ds/node-exporter"), QStringLiteral("{.status.numberReady}/{.status.desiredNumberScheduled}"), QStringLiteral("monitoring")),
                                  QStringLiteral("1/1"), 15000);
        QVERIFY(setClock({{QStringLiteral("advanceClockSeconds"), 600}}));
        QTRY_COMPARE_WITH_TIMEOUT(names(jobsGvr, QStringLiteral("batch-jobs")).filter(QRegularExpression(QStringLiteral("^cleanup-\\d+$"))).size(), 1, 10000);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxControllers)
#include "tst_sandboxcontrollers.moc"
