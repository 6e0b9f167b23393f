// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// Real kubectl's typed clients send protobuf bodies; the sandbox must store what kubectl meant to
// send. Each `kubectl create <generator>` is compared with its `--dry-run=client -o json` form,
// and commands that copy whole objects (debug --copy-to, create job --from, auth reconcile) are
// compared with the objects they copied: real kubectl is the encoder, so this checks the field
// numbers of core/sandbox/kubernetesapi.proto.

#include "sandboxfixture.h"
#include "testenv.h"

#include "sandbox/certificateauthority.h"

#include <QFile>
#include <QJsonDocument>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;

namespace {

const QString kProtobufRequest = QStringLiteral("Content-Type: application/vnd.kubernetes.protobuf");

QString render(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)).left(120);
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)).left(120);
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

// Where `expected` is not contained in `actual`: objects may have more keys (server defaults), a
// null matches a missing key (kubectl prints "creationTimestamp": null), arrays keep their
// length and order. Values under a Secret's data are not printed.
QStringList notContained(const QJsonValue &expected, const QJsonValue &actual, const QString &path, bool secret)
{
    const bool hidden = secret && (path.startsWith(QLatin1String(".data")) || path.startsWith(QLatin1String(".stringData")));
    auto show = [hidden](const QJsonValue &v) { return hidden ? QStringLiteral("(hidden)") : render(v); };
    if (expected.isNull())
        return {};
    if (expected.isObject()) {
        if (!actual.isObject())
            return {QStringLiteral("%1: expected an object, got %2").arg(path, show(actual))};
        QStringList problems;
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            const QString at = path + QLatin1Char('.') + it.key();
            if (!a.contains(it.key())) {
                if (!it.value().isNull())
                    problems << QStringLiteral("%1 is missing (expected %2)").arg(at, secret && at.startsWith(QLatin1String(".data")) ? QStringLiteral("(hidden)") : render(it.value()));
                continue;
            }
            problems += notContained(it.value(), a.value(it.key()), at, secret);
        }
        return problems;
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        if (!actual.isArray() || a.size() != e.size())
            return {QStringLiteral("%1: expected %2, got %3").arg(path, show(expected), show(actual))};
        QStringList problems;
        for (qsizetype i = 0; i < e.size(); ++i)
            problems += notContained(e.at(i), a.at(i), path + QStringLiteral("[%1]").arg(i), secret);
        return problems;
    }
    if (expected != actual)
        return {QStringLiteral("%1: expected %2, got %3").arg(path, show(expected), show(actual))};
    return {};
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// A pod using most of PodSpec. Zero values appear only where the Go field is a pointer (a Go
// client drops the others, as a real apiserver would).
const char richPod[] = R"(
apiVersion: v1
kind: Pod
metadata:
  name: rich
  namespace: pb
  labels: {app: rich}
  annotations: {note: hello}
spec:
  initContainers:
  - name: init
    image: busybox:1.36
    command: [sh, -c, "true"]
    restartPolicy: Always
    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]
    resources: {}
  containers:
  - name: app
    image: nginx:1.27
    command: [nginx]
    args: ["-g", "daemon off;"]
    workingDir: /srv
    ports: [{name: http, containerPort: 8080, protocol: TCP}]
    env:
    - {name: MODE, value: demo}
    - name: POD
      valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.name}}
    - name: CPU
      valueFrom: {resourceFieldRef: {containerName: app, resource: limits.cpu, divisor: 1m}}
    - name: PASS
      valueFrom: {secretKeyRef: {name: creds, key: password, optional: true}}
    - name: CFG
      valueFrom: {configMapKeyRef: {name: settings, key: mode, optional: false}}
    envFrom:
    - {prefix: CFG_, configMapRef: {name: settings, optional: true}}
    - secretRef: {name: creds}
    resources:
      limits: {cpu: 500m, memory: 128Mi}
      requests: {cpu: 100m, memory: 64Mi}
    volumeMounts:
    - {name: conf, mountPath: /etc/conf, readOnly: true, subPath: x, mountPropagation: None}
    - {name: data, mountPath: /data, subPathExpr: $(POD)}
    livenessProbe:
      httpGet: {path: /healthz, port: http, scheme: HTTP, httpHeaders: [{name: X-Probe, value: "1"}]}
      initialDelaySeconds: 3
      periodSeconds: 7
      timeoutSeconds: 2
      successThreshold: 1
      failureThreshold: 4
      terminationGracePeriodSeconds: 0
    readinessProbe:
      tcpSocket: {port: 8080}
    startupProbe:
      exec: {command: [cat, /tmp/ready]}
    lifecycle:
      postStart: {exec: {command: [sh, -c, "echo hi"]}}
      preStop: {sleep: {seconds: 5}}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: FallbackToLogsOnError
    imagePullPolicy: IfNotPresent
    securityContext:
      privileged: false
      runAsUser: 0
      runAsGroup: 3000
      runAsNonRoot: false
      readOnlyRootFilesystem: true
      allowPrivilegeEscalation: false
      capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}
      seccompProfile: {type: RuntimeDefault}
      seLinuxOptions: {level: "s0:c123,c456"}
    stdin: true
    stdinOnce: true
    tty: true
  - name: grpc
    image: example/grpc:1
    readinessProbe:
      grpc: {port: 9090, service: health}
    resources: {}
  volumes:
  - name: conf
    configMap: {name: settings, defaultMode: 0644, optional: true, items: [{key: mode, path: mode.txt, mode: 0600}]}
  - name: data
    emptyDir: {medium: Memory, sizeLimit: 1Gi}
  - name: secret
    secret: {secretName: creds, defaultMode: 0400}
  - name: host
    hostPath: {path: /var/log, type: Directory}
  - name: claim
    persistentVolumeClaim: {claimName: data, readOnly: true}
  - name: proj
    projected:
      defaultMode: 0444
      sources:
      - serviceAccountToken: {audience: api, expirationSeconds: 3600, path: token}
      - downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}
      - configMap: {name: settings}
      - secret: {name: creds, items: [{key: password, path: pw}]}
  - name: down
    downwardAPI: {items: [{path: cpu, resourceFieldRef: {containerName: app, resource: limits.cpu, divisor: "0"}}]}
  - name: nfs
    nfs: {server: nfs.example.com, path: /exports, readOnly: true}
  - name: csi
    csi: {driver: csi.example.com, readOnly: true, volumeAttributes: {a: b}}
  restartPolicy: Always
  terminationGracePeriodSeconds: 0
  activeDeadlineSeconds: 3600
  dnsPolicy: None
  dnsConfig: {nameservers: [1.1.1.1], searches: [example.com], options: [{name: ndots, value: "2"}, {name: edns0}]}
  nodeSelector: {disk: ssd}
  serviceAccountName: default
  automountServiceAccountToken: false
  shareProcessNamespace: true
  securityContext:
    runAsUser: 1000
    fsGroup: 2000
    supplementalGroups: [4000, 5000]
    sysctls: [{name: net.core.somaxconn, value: "1024"}]
    fsGroupChangePolicy: OnRootMismatch
    seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}
  imagePullSecrets: [{name: regcred}]
  hostname: rich
  subdomain: sub
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: zone, operator: In, values: [a, b]}]
          matchFields: [{key: metadata.name, operator: NotIn, values: [bad]}]
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 10
        preference: {matchExpressions: [{key: gpu, operator: Exists}]}
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: {matchLabels: {app: db}}
        topologyKey: kubernetes.io/hostname
        namespaces: [data]
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 50
        podAffinityTerm:
          labelSelector: {matchExpressions: [{key: app, operator: In, values: [rich]}]}
          topologyKey: zone
          namespaceSelector: {}
  schedulerName: default-scheduler
  tolerations:
  - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
  - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 0}
  hostAliases: [{ip: 10.0.0.1, hostnames: [a.local, b.local]}]
  priorityClassName: high
  priority: 0
  readinessGates: [{conditionType: example.com/ready}]
  runtimeClassName: fast
  enableServiceLinks: false
  preemptionPolicy: Never
  overhead: {cpu: 10m}
  topologySpreadConstraints:
  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: rich}},
     minDomains: 2, nodeAffinityPolicy: Honor, nodeTaintsPolicy: Ignore, matchLabelKeys: [pod-template-hash]}
  setHostnameAsFQDN: false
  os: {name: linux}
  hostUsers: true
  schedulingGates: [{name: example.com/gate}]
)";

// A cron job whose job template uses most of JobSpec.
const char richCronJob[] = R"(
apiVersion: batch/v1
kind: CronJob
metadata: {name: rich, namespace: pb}
spec:
  schedule: "0 3 * * *"
  timeZone: Etc/UTC
  startingDeadlineSeconds: 0
  concurrencyPolicy: Forbid
  suspend: true
  successfulJobsHistoryLimit: 0
  failedJobsHistoryLimit: 2
  jobTemplate:
    metadata: {labels: {kind: nightly}, annotations: {owner: ops}}
    spec:
      parallelism: 2
      completions: 4
      completionMode: Indexed
      activeDeadlineSeconds: 600
      backoffLimitPerIndex: 1
      maxFailedIndexes: 2
      ttlSecondsAfterFinished: 0
      suspend: false
      podReplacementPolicy: Failed
      podFailurePolicy:
        rules:
        - action: FailIndex
          onExitCodes: {containerName: main, operator: In, values: [42, 43]}
        - action: Ignore
          onPodConditions: [{type: DisruptionTarget, status: "True"}]
      successPolicy:
        rules: [{succeededIndexes: "0-2", succeededCount: 2}]
      template:
        metadata: {labels: {kind: nightly}}
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: busybox:1.36
            command: [sh, -c, "exit 0"]
            env: [{name: A, value: "1"}]
            resources: {}
)";

const char rbacObjects[] = R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pb-reconciled, labels: {team: a}}
aggregationRule:
  clusterRoleSelectors: [{matchLabels: {rbac.example.com/aggregate-to-pb: "true"}, matchExpressions: [{key: tier, operator: Exists}]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reconciled, namespace: pb, annotations: {note: x}}
rules:
- {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list], resourceNames: [a]}
- {apiGroups: [apps], resources: [deployments], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reconciled, namespace: pb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reconciled}
subjects:
- {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
- {kind: ServiceAccount, name: bot, namespace: pb}
)";

} // namespace

class tst_SandboxProtobuf : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_f;

    QJsonObject get(const QString &resource, const QString &name, QString *error)
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("get"), resource, name, QStringLiteral("-n"), QStringLiteral("pb"), QStringLiteral("-o"), QStringLiteral("json")});
        if (r.exitCode != 0)
            *error = r.err;
        return parseObject(r.out);
    }

    QStringList expand(QStringList args) const
    {
        for (QString &a : args) {
            a.replace(QLatin1String("@BIN@"), m_f->tempPath(QStringLiteral("bin.dat")));
            a.replace(QLatin1String("@CERT@"), m_f->tempPath(QStringLiteral("tls.crt")));
            a.replace(QLatin1String("@KEY@"), m_f->tempPath(QStringLiteral("tls.key")));
        }
        return args;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.podStartMilliseconds = 100;
        m_f = std::make_unique<SandboxFixture>(options);
        QVERIFY2(m_f->error().isEmpty(), qPrintable(m_f->error()));
        QVERIFY(!m_f->create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                         {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("pb")}}}})
                     .isEmpty());
        // The rich pod's class: its priority and preemption policy must agree with the pod's.
        QVERIFY(!m_f->create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("scheduling.k8s.io/v1")},
                                         {QStringLiteral("kind"), QStringLiteral("PriorityClass")},
                                         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("high")}}},
                                         {QStringLiteral("value"), 0},
                                         {QStringLiteral("preemptionPolicy"), QStringLiteral("Never")}})
                     .isEmpty());
        QFile bin(m_f->tempPath(QStringLiteral("bin.dat")));
        QVERIFY(bin.open(QIODevice::WriteOnly));
        bin.write(QByteArray("\x00\x01\xfe\xff", 4));
        bin.close();
        auto ca = CertificateAuthority::create(QStringLiteral("test-ca"));
        QVERIFY(ca);
        auto pair = ca->issueServer({QStringLiteral("web.example.com")}, {});
        QVERIFY(pair);
        for (const auto &[file, pem] : {std::pair{QStringLiteral("tls.crt"), pair->certificatePem}, std::pair{QStringLiteral("tls.key"), pair->privateKeyPem}}) {
            QFile f(m_f->tempPath(file));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(pem);
        }
    }

    void cleanupTestCase() { m_f.reset(); }

    void createGenerators_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("name");
        auto row = [](const char *tag, QStringList args, const char *resource, const char *name) {
            QTest::newRow(tag) << args << QString::fromLatin1(resource) << QString::fromLatin1(name);
        };
        const QString ns = QStringLiteral("--namespace=pb");
        row("deployment", {QStringLiteral("deployment"), QStringLiteral("web"), ns, QStringLiteral("--image=nginx:1.27"), QStringLiteral("--image=busybox:1.36"),
                           QStringLiteral("--replicas=3"), QStringLiteral("--port=8080")}, "deployment", "web");
        row("deployment zero replicas", {QStringLiteral("deployment"), QStringLiteral("idle"), ns, QStringLiteral("--image=nginx"), QStringLiteral("--replicas=0")},
            "deployment", "idle");
        row("job", {QStringLiteral("job"), QStringLiteral("once"), ns, QStringLiteral("--image=busybox:1.36"), QStringLiteral("--"), QStringLiteral("sh"),
                    QStringLiteral("-c"), QStringLiteral("echo hi")}, "job", "once");
        row("cronjob", {QStringLiteral("cronjob"), QStringLiteral("nightly"), ns, QStringLiteral("--image=busybox:1.36"), QStringLiteral("--schedule=*/5 * * * *"),
                        QStringLiteral("--restart=OnFailure"), QStringLiteral("--"), QStringLiteral("date")}, "cronjob", "nightly");
        row("job from cronjob", {QStringLiteral("job"), QStringLiteral("from-nightly"), ns, QStringLiteral("--from=cronjob/nightly")}, "job", "from-nightly");
        row("service clusterip", {QStringLiteral("service"), QStringLiteral("clusterip"), QStringLiteral("web"), ns, QStringLiteral("--tcp=80:8080"),
                                  QStringLiteral("--tcp=443:8443")}, "service", "web");
        row("service headless", {QStringLiteral("service"), QStringLiteral("clusterip"), QStringLiteral("headless"), ns, QStringLiteral("--clusterip=None")},
            "service", "headless");
        row("service nodeport", {QStringLiteral("service"), QStringLiteral("nodeport"), QStringLiteral("np"), ns, QStringLiteral("--tcp=80:8080"),
                                 QStringLiteral("--node-port=30080")}, "service", "np");
        row("service loadbalancer", {QStringLiteral("service"), QStringLiteral("loadbalancer"), QStringLiteral("lb"), ns, QStringLiteral("--tcp=443:8443")},
            "service", "lb");
        row("service externalname", {QStringLiteral("service"), QStringLiteral("externalname"), QStringLiteral("db"), ns,
                                     QStringLiteral("--external-name=db.example.com"), QStringLiteral("--tcp=5432")}, "service", "db");
        row("role", {QStringLiteral("role"), QStringLiteral("reader"), ns, QStringLiteral("--verb=get,list"), QStringLiteral("--resource=pods,deployments.apps"),
                     QStringLiteral("--resource-name=web")}, "role", "reader");
        row("clusterrole urls", {QStringLiteral("clusterrole"), QStringLiteral("pb-logs"), QStringLiteral("--verb=get"), QStringLiteral("--non-resource-url=/logs/*")},
            "clusterrole", "pb-logs");
        row("clusterrole resources", {QStringLiteral("clusterrole"), QStringLiteral("pb-nodes"), QStringLiteral("--verb=get,list,watch"), QStringLiteral("--resource=nodes")},
            "clusterrole", "pb-nodes");
        row("clusterrole aggregated", {QStringLiteral("clusterrole"), QStringLiteral("pb-aggregate"), QStringLiteral("--aggregation-rule=rbac.example.com/aggregate=true")},
            "clusterrole", "pb-aggregate");
        row("rolebinding", {QStringLiteral("rolebinding"), QStringLiteral("reader"), ns, QStringLiteral("--role=reader"), QStringLiteral("--user=alice"),
                            QStringLiteral("--group=devs"), QStringLiteral("--serviceaccount=pb:bot")}, "rolebinding", "reader");
        row("rolebinding to clusterrole", {QStringLiteral("rolebinding"), QStringLiteral("viewer"), ns, QStringLiteral("--clusterrole=view"), QStringLiteral("--user=bob")},
            "rolebinding", "viewer");
        row("clusterrolebinding", {QStringLiteral("clusterrolebinding"), QStringLiteral("pb-nodes"), QStringLiteral("--clusterrole=pb-nodes"), QStringLiteral("--user=alice"),
                                   QStringLiteral("--group=ops")}, "clusterrolebinding", "pb-nodes");
        row("ingress", {QStringLiteral("ingress"), QStringLiteral("web"), ns, QStringLiteral("--class=nginx"), QStringLiteral("--rule=foo.com/bar*=svc1:8080,tls=foo-tls"),
                        QStringLiteral("--rule=/exact=svc2:http"), QStringLiteral("--default-backend=defsvc:80"), QStringLiteral("--annotation=example.com/a=b")},
            "ingress", "web");
        row("secret generic", {QStringLiteral("secret"), QStringLiteral("generic"), QStringLiteral("creds"), ns, QStringLiteral("--from-literal=user=admin"),
                               QStringLiteral("--from-file=bin=@BIN@"), QStringLiteral("--type=example.com/custom")}, "secret", "creds");
        row("secret tls", {QStringLiteral("secret"), QStringLiteral("tls"), QStringLiteral("web-tls"), ns, QStringLiteral("--cert=@CERT@"), QStringLiteral("--key=@KEY@")},
            "secret", "web-tls");
        row("secret docker-registry", {QStringLiteral("secret"), QStringLiteral("docker-registry"), QStringLiteral("regcred"), ns, QStringLiteral("--docker-username=u"),
                                       QStringLiteral("--docker-password=p"), QStringLiteral("--docker-server=reg.example.com"), QStringLiteral("--docker-email=u@example.com")},
            "secret", "regcred");
        row("configmap", {QStringLiteral("configmap"), QStringLiteral("settings"), ns, QStringLiteral("--from-literal=a=1"), QStringLiteral("--from-file=bin=@BIN@")},
            "configmap", "settings");
        row("namespace", {QStringLiteral("namespace"), QStringLiteral("pb-extra")}, "namespace", "pb-extra");
        row("serviceaccount", {QStringLiteral("serviceaccount"), QStringLiteral("bot"), ns}, "serviceaccount", "bot");
        // Generous, so that it refuses none of the later pods of this namespace.
        row("quota", {QStringLiteral("quota"), QStringLiteral("best-effort"), ns, QStringLiteral("--hard=pods=100,count/pods=100"),
                      QStringLiteral("--scopes=BestEffort,NotTerminating")}, "quota", "best-effort");
        row("priorityclass", {QStringLiteral("priorityclass"), QStringLiteral("pb-batch"), QStringLiteral("--value=1000"),
                              QStringLiteral("--description=batch work"), QStringLiteral("--preemption-policy=Never")}, "priorityclass", "pb-batch");
        // Selectors that match no pod, so the status the sandbox computes is the zero one kubectl sends.
        row("pdb min available", {QStringLiteral("poddisruptionbudget"), QStringLiteral("min"), ns, QStringLiteral("--selector=app=none"),
                                  QStringLiteral("--min-available=50%")}, "pdb", "min");
        row("pdb max unavailable", {QStringLiteral("poddisruptionbudget"), QStringLiteral("max"), ns, QStringLiteral("--selector=app=none,tier in (a,b)"),
                                    QStringLiteral("--max-unavailable=1")}, "pdb", "max");
    }

    // What `kubectl create ... --dry-run=client -o json` prints is what the sandbox stores.
    void createGenerators()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, resource);
        QFETCH(QString, name);
        args = expand(args);
        // Flags go before the generator's own arguments: everything after "--" is the command.
        KubectlResult r = m_f->kubectl(QStringList{QStringLiteral("create"), QStringLiteral("--dry-run=client"), QStringLiteral("-o"), QStringLiteral("json")} + args);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        const QJsonObject expected = parseObject(r.out);
        QVERIFY(!expected.isEmpty());
        r = m_f->kubectl(QStringList{QStringLiteral("create"), QStringLiteral("-v=7")} + args);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err.right(2000)));
        QVERIFY2(r.err.contains(kProtobufRequest), "kubectl did not send protobuf");
        QString error;
        const QJsonObject stored = get(resource, name, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList problems = notContained(expected, stored, QString(), resource == QLatin1String("secret"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // `kubectl debug --copy-to` reads a pod (JSON) and creates its copy through the typed client
    // (protobuf): the copy must have every field of the original.
    void debugCopyKeepsTheWholePodSpec()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, richPod);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString error;
        QJsonObject expected = get(QStringLiteral("pod"), QStringLiteral("rich"), &error).value(QLatin1String("spec")).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        r = m_f->kubectl({QStringLiteral("debug"), QStringLiteral("rich"), QStringLiteral("-n"), QStringLiteral("pb"), QStringLiteral("--copy-to=rich-copy"),
                          QStringLiteral("--set-image=app=nginx:1.28"), QStringLiteral("--keep-liveness"), QStringLiteral("--keep-readiness"),
                          QStringLiteral("--keep-startup"), QStringLiteral("--keep-init-containers=true"), QStringLiteral("-v=7")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err.right(2000)));
        QVERIFY2(r.err.contains(kProtobufRequest), "kubectl did not send protobuf");
        const QJsonObject copy = get(QStringLiteral("pod"), QStringLiteral("rich-copy"), &error).value(QLatin1String("spec")).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // What kubectl debug changes on purpose: the image asked for, and the node.
        QJsonArray containers = expected.value(QLatin1String("containers")).toArray();
        QJsonObject app = containers.at(0).toObject();
        app.insert(QStringLiteral("image"), QStringLiteral("nginx:1.28"));
        containers[0] = app;
        expected.insert(QStringLiteral("containers"), containers);
        expected.remove(QStringLiteral("nodeName"));
        const QStringList problems = notContained(expected, copy, QStringLiteral("spec"), false);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // The pointer fields set to zero survived as zero, not as "unset".
        QCOMPARE(copy.value(QLatin1String("terminationGracePeriodSeconds")).toInt(-1), 0);
        QCOMPARE(copy.value(QLatin1String("automountServiceAccountToken")).toBool(true), false);
        QCOMPARE(copy.value(QLatin1String("containers")).toArray().at(0).toObject().value(QLatin1String("securityContext")).toObject()
                     .value(QLatin1String("runAsUser")).toInt(-1), 0);
    }

    // `kubectl create job --from=cronjob/x` copies the whole job template through protobuf.
    void jobFromCronJobKeepsTheJobTemplate()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, richCronJob);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString error;
        const QJsonObject jobTemplate = get(QStringLiteral("cronjob"), QStringLiteral("rich"), &error)
                                            .value(QLatin1String("spec")).toObject().value(QLatin1String("jobTemplate")).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-v=7"), QStringLiteral("job"), QStringLiteral("rich-now"), QStringLiteral("-n"), QStringLiteral("pb"),
                          QStringLiteral("--from=cronjob/rich")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err.right(2000)));
        QVERIFY2(r.err.contains(kProtobufRequest), "kubectl did not send protobuf");
        const QJsonObject job = get(QStringLiteral("job"), QStringLiteral("rich-now"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList problems = notContained(jobTemplate.value(QLatin1String("spec")), job.value(QLatin1String("spec")), QStringLiteral("spec"), false);
        problems += notContained(jobTemplate.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")),
                                 job.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")), QStringLiteral("metadata.labels"), false);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(job.value(QLatin1String("spec")).toObject().value(QLatin1String("ttlSecondsAfterFinished")).toInt(-1), 0);
        const QJsonArray owners = job.value(QLatin1String("metadata")).toObject().value(QLatin1String("ownerReferences")).toArray();
        QCOMPARE(owners.size(), 1);
        QCOMPARE(owners.at(0).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("CronJob"));
        QCOMPARE(owners.at(0).toObject().value(QLatin1String("controller")).toBool(), true);
    }

    // `kubectl auth reconcile` creates RBAC objects and then updates them (PUT) through protobuf,
    // sending back the stored metadata (uid, resourceVersion, timestamps, managed fields).
    void authReconcileCreatesAndUpdates()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("auth"), QStringLiteral("reconcile"), QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("-v=7")}, rbacObjects);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err.right(2000)));
        QVERIFY2(r.err.contains(kProtobufRequest), "kubectl did not send protobuf");
        const QByteArray more = QByteArray(rbacObjects) + "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n"
                                                          "metadata: {name: reconciled, namespace: pb}\n"
                                                          "rules:\n- {apiGroups: [\"\"], resources: [secrets], verbs: [get]}\n";
        r = m_f->kubectl({QStringLiteral("auth"), QStringLiteral("reconcile"), QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("-v=7")}, more);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err.right(2000)));
        QVERIFY2(r.err.contains(QStringLiteral("PUT https://")), "kubectl did not update the role");
        QString error;
        const QJsonObject role = get(QStringLiteral("role"), QStringLiteral("reconciled"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject expectedRole = parseObject(QStringLiteral(R"({"metadata":{"annotations":{"note":"x"}},"rules":[
            {"apiGroups":[""],"resources":["pods","pods/log"],"verbs":["get","list"],"resourceNames":["a"]},
            {"apiGroups":["apps"],"resources":["deployments"],"verbs":["*"]},
            {"apiGroups":[""],"resources":["secrets"],"verbs":["get"]}]})"));
        QStringList problems = notContained(expectedRole, role, QString(), false);
        const QJsonObject binding = get(QStringLiteral("rolebinding"), QStringLiteral("reconciled"), &error);
        problems += notContained(parseObject(QStringLiteral(R"({"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"reconciled"},
            "subjects":[{"kind":"User","name":"alice","apiGroup":"rbac.authorization.k8s.io"},{"kind":"ServiceAccount","name":"bot","namespace":"pb"}]})")),
                                 binding, QString(), false);
        const QJsonObject clusterRole = get(QStringLiteral("clusterrole"), QStringLiteral("pb-reconciled"), &error);
        problems += notContained(parseObject(QStringLiteral(R"({"metadata":{"labels":{"team":"a"}},"aggregationRule":{"clusterRoleSelectors":[
            {"matchLabels":{"rbac.example.com/aggregate-to-pb":"true"},"matchExpressions":[{"key":"tier","operator":"Exists"}]}]}})")),
                                 clusterRole, QString(), false);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // `kubectl debug node/...` creates its pod through protobuf.
    void debugNodeCreatesThePod()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("debug"), QStringLiteral("node/sandbox-node-1"), QStringLiteral("-n"), QStringLiteral("pb"),
                                              QStringLiteral("--image=busybox:1.36"), QStringLiteral("--profile=sysadmin"), QStringLiteral("--"), QStringLiteral("true")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const qsizetype start = r.out.indexOf(QLatin1String("node-debugger-"));
        QVERIFY2(start >= 0, qPrintable(r.out));
        const QString name = r.out.mid(start).section(QLatin1Char(' '), 0, 0);
        QString error;
        const QJsonObject spec = get(QStringLiteral("pod"), name, &error).value(QLatin1String("spec")).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList problems = notContained(parseObject(QStringLiteral(R"({"nodeName":"sandbox-node-1","hostPID":true,"hostIPC":true,"hostNetwork":true,
            "restartPolicy":"Never","tolerations":[{"operator":"Exists"}],"volumes":[{"name":"host-root","hostPath":{"path":"/"}}],
            "containers":[{"name":"debugger","image":"busybox:1.36","command":["true"],"securityContext":{"privileged":true},
                           "volumeMounts":[{"name":"host-root","mountPath":"/host"}]}]})")),
                                                  spec, QStringLiteral("spec"), false);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxProtobuf)
#include "tst_sandboxprotobuf.moc"
