// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// Real kubectl against the SandboxServer, reading: get (chunked, one snapshot, an expired continue),
// api-resources with and without aggregated discovery, get -w, describe, auth can-i for a read-only
// user, an unauthenticated request, and explain.

#include "sandboxkubectlsupport.h"
#include "testenv.h"

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus | Qluster::Test::NeedsKubectl)

using namespace Qluster;
using namespace Qluster::Test;

class tst_SandboxKubectlRead : public SandboxKubectlTest
{
    Q_OBJECT

private Q_SLOTS:
    void getPodsAllNamespaces()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 3);
        QVERIFY(lines.first().contains(QRegularExpression(QStringLiteral("^NAMESPACE\\s+NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE$"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("default\\s+web-1\\s+1/1\\s+Running\\s+0\\s+\\d+s"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("kube-system\\s+dns-1\\s+1/1\\s+Running"))));
    }

    void chunkedGetIsOneSnapshotWhileObjectsChange()
    {
        const QString ns = QStringLiteral("chunks");
        const Gvr pods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};
        QVERIFY(!m_f->create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                         {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), ns}}}}).isEmpty());
        for (int i = 0; i < 7; ++i)
            QVERIFY(!m_f->create(makePod(ns, QStringLiteral("p-%1").arg(i))).isEmpty());
        for (int i = 0; i < 7; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(podPhase(ns, QStringLiteral("p-%1").arg(i)), QStringLiteral("Running"), 5000);

        // After every page kubectl receives, the cluster changes: a pod is created, one modified and
        // one deleted (all in pages not yet sent). The first page's state is recorded as it was sent.
        QStringList expected;
        int pages = 0;
        QMetaObject::Connection hook;
        m_f->sandbox().invoke([&](SandboxServer &s) {
            hook = connect(&s, &SandboxServer::requestHandled, &s, [&, server = &s](const QString &verb, const QString &path, int status) {
                if (verb != QLatin1String("GET") || path != QLatin1String("/api/v1/pods") || status != 200)
                    return;
                if (pages++ == 0) {
                    for (const auto &[key, pod] : server->store().objects(pods))
                        expected << key + QLatin1Char('@') + pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
                }
                (void)server->createObject(makePod(ns, QStringLiteral("late-%1").arg(pages)));
                if (const QJsonObject *p3 = server->store().get(pods, ns, QStringLiteral("p-3"))) {
                    QJsonObject pod = *p3;
                    QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
                    meta.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("page"), QString::number(pages)}});
                    pod.insert(QStringLiteral("metadata"), meta);
                    server->store().put(pods, pod);
                }
                server->store().remove(pods, ns, QStringLiteral("p-%1").arg(7 - pages));
            }, Qt::DirectConnection);
        });
        const KubectlResult r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                                              QStringLiteral("--chunk-size=2"), QStringLiteral("-o"), QStringLiteral("json")});
        m_f->sandbox().invoke([&](SandboxServer &) { disconnect(hook); });
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY(pages >= 4);
        QStringList listed;
        for (const QJsonValue &item : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("items")).toArray()) {
            const QJsonObject meta = item.toObject().value(QLatin1String("metadata")).toObject();
            listed << meta.value(QLatin1String("namespace")).toString() + QLatin1Char('/') + meta.value(QLatin1String("name")).toString()
                          + QLatin1Char('@') + meta.value(QLatin1String("resourceVersion")).toString();
        }
        QCOMPARE(listed, expected);
        // Deleted while kubectl paged, so still listed; created meanwhile, so not listed.
        QCOMPARE(listed.filter(QStringLiteral("chunks/p-6@")).size(), 1);
        QVERIFY(listed.filter(QStringLiteral("chunks/late-")).isEmpty());
        // A new list sees what changed.
        const KubectlResult now = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), ns, QStringLiteral("--chunk-size=2"),
                                                QStringLiteral("-o"), QStringLiteral("name")});
        QVERIFY2(now.exitCode == 0, qPrintable(now.err));
        QVERIFY(now.out.contains(QStringLiteral("pod/late-1")));
        QVERIFY(!now.out.contains(QStringLiteral("pod/p-6")));
    }

    void chunkedGetWithExpiredContinueFailsLikeTheApiserver()
    {
        m_f->sandbox().invoke([](SandboxServer &s) { s.expireContinueTokens(1); });
        const KubectlResult r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"), QStringLiteral("--chunk-size=1")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (Expired): The provided continue parameter is too old to display a "
                                               "consistent list result. You can start a new list without the continue parameter, or use "
                                               "the continue token in this response to retrieve the remainder of the results.")),
                 qPrintable(r.err));
        // The knob is used up: the next chunked list succeeds.
        const KubectlResult again = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"), QStringLiteral("--chunk-size=1")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }

    void apiResourcesUsesAggregatedDiscovery()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("api-resources"), QStringLiteral("-v=7")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")));
        // With aggregated discovery kubectl needs no per-group-version document.
        QVERIFY2(!r.err.contains(QStringLiteral("/apis/apps/v1")), qPrintable(r.err));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("pods\\s+po\\s+v1\\s+true\\s+Pod"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("customresourcedefinitions\\s+crd,crds\\s+apiextensions.k8s.io/v1\\s+false"))));
    }

    void apiResourcesWithoutAggregatedDiscovery()
    {
        SandboxOptions options;
        options.aggregatedDiscovery = false;
        SandboxFixture old(options);
        QVERIFY2(old.error().isEmpty(), qPrintable(old.error()));
        const KubectlResult r = old.kubectl({QStringLiteral("api-resources"), QStringLiteral("-v=6")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("/apis/apps/v1")), qPrintable(r.err)); // fell back to per-group documents
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment"))));
    }

    void watchReceivesLaterCreate()
    {
        QProcess p;
        p.setProcessEnvironment(m_f->environment());
        p.start(Qluster::Test::kubectl(), m_f->arguments({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-w"), QStringLiteral("-n"), QStringLiteral("default")}));
        QVERIFY(p.waitForStarted(10000));
        QString out;
        auto read = [&] { out += QString::fromUtf8(p.readAllStandardOutput()); return out; };
        QTRY_VERIFY_WITH_TIMEOUT(read().contains(QStringLiteral("web-1")), 15000);
        QVERIFY(!out.contains(QStringLiteral("watched-1")));
        QVERIFY(!m_f->create(makePod(QStringLiteral("default"), QStringLiteral("watched-1"))).isEmpty());
        QTRY_VERIFY2_WITH_TIMEOUT(read().contains(QRegularExpression(QStringLiteral("watched-1\\s+0/1\\s+Pending"))), qPrintable(out + QString::fromUtf8(p.readAllStandardError())), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(read().contains(QRegularExpression(QStringLiteral("watched-1\\s+1/1\\s+Running"))), 15000);
        p.kill();
        p.waitForFinished(5000);
    }

    void describeShowsEvents()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("describe"), QStringLiteral("pod"), QStringLiteral("web-1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("Status:\\s+Running"))));
        QVERIFY2(r.out.contains(QStringLiteral("Successfully assigned default/web-1 to sandbox-node-1")), qPrintable(r.out));
    }

    void authCanIReadOnlyUser()
    {
        const QString viewer = QStringLiteral("--context=sandbox-viewer");
        KubectlResult r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("list"), QStringLiteral("pods")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
        QCOMPARE(r.exitCode, 0);
        r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("delete"), QStringLiteral("pods")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("no"));
        QCOMPARE(r.exitCode, 1);
        r = m_f->kubectl({viewer, QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("web-1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (Forbidden): pods \"web-1\" is forbidden: User \"viewer\" cannot delete resource \"pods\" in API group \"\" in the namespace \"default\"")), qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("--context=sandbox-token"), QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("delete"), QStringLiteral("pods")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
    }

    // `auth can-i --list` shows the SelfSubjectRulesReview, answered from the same RBAC rules that
    // decide single questions and requests: every verb it lists, can-i allows, and no other.
    void authCanIListMatchesCanIForTheReadOnlyUser()
    {
        const QString viewer = QStringLiteral("--context=sandbox-viewer");
        // resource (or non-resource URL) -> verbs, from the table kubectl prints.
        auto rules = [&](const QStringList &extra) {
            QHash<QString, QStringList> out;
            const KubectlResult r = m_f->kubectl(QStringList{viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("--list")} + extra);
            if (r.exitCode != 0)
                qWarning() << r.err;
            const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            if (!lines.value(0).contains(QRegularExpression(QStringLiteral("^Resources\\s+Non-Resource URLs\\s+Resource Names\\s+Verbs$"))))
                return out;
            static const QRegularExpression row(QStringLiteral("^(\\S*)\\s+\\[([^\\]]*)\\]\\s+\\[([^\\]]*)\\]\\s+\\[([^\\]]*)\\]$"));
            for (const QString &line : lines.mid(1)) {
                const auto m = row.match(line);
                if (!m.hasMatch()) {
                    out.insert(QStringLiteral("unparsed"), {line});
                    continue;
                }
                const QString key = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
                out[key] += m.captured(4).split(QLatin1Char(' '), Qt::SkipEmptyParts);
                out[key].removeDuplicates(); // /version comes from two bootstrap roles, as on a cluster
            }
            return out;
        };
        const QHash<QString, QStringList> listed = rules({});
        QVERIFY2(!listed.contains(QStringLiteral("unparsed")), qPrintable(listed.value(QStringLiteral("unparsed")).join(QLatin1Char('\n'))));
        const QStringList readVerbs{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")};
        QCOMPARE(listed.value(QStringLiteral("pods")), readVerbs);
        QCOMPARE(listed.value(QStringLiteral("deployments.apps")), readVerbs);
        QCOMPARE(listed.value(QStringLiteral("selfsubjectaccessreviews.authorization.k8s.io")), QStringList{QStringLiteral("create")});
        QCOMPARE(listed.value(QStringLiteral("/version")), QStringList{QStringLiteral("get")});
        QVERIFY(!listed.contains(QStringLiteral("secrets")));
        QVERIFY(!listed.contains(QStringLiteral("pods/exec")));

        const QStringList resources{QStringLiteral("pods"), QStringLiteral("secrets"), QStringLiteral("deployments.apps"),
                                    QStringLiteral("selfsubjectaccessreviews.authorization.k8s.io")};
        for (const QString &resource : resources) {
            for (const QString &verb : {QStringLiteral("get"), QStringLiteral("watch"), QStringLiteral("create"), QStringLiteral("delete")}) {
                const KubectlResult r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), verb, resource});
                const bool expected = listed.value(resource).contains(verb);
                QVERIFY2(r.out.trimmed() == (expected ? QStringLiteral("yes") : QStringLiteral("no")) && r.exitCode == (expected ? 0 : 1),
                         qPrintable(QStringLiteral("can-i %1 %2: %3 %4").arg(verb, resource, r.out, r.err)));
            }
        }
        // ... and requests are decided the same way.
        KubectlResult r = m_f->kubectl({viewer, QStringLiteral("get"), QStringLiteral("secrets")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot list resource \"secrets\"")), qPrintable(r.err));

        // A RoleBinding adds its rules in its namespace only.
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("namespace"), QStringLiteral("team")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("rolebinding"), QStringLiteral("viewer-edits"), QStringLiteral("-n"), QStringLiteral("team"),
                          QStringLiteral("--clusterrole=edit"), QStringLiteral("--user=viewer")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QHash<QString, QStringList> inTeam = rules({QStringLiteral("-n"), QStringLiteral("team")});
        QVERIFY2(inTeam.value(QStringLiteral("secrets")).contains(QStringLiteral("create")), qPrintable(inTeam.value(QStringLiteral("secrets")).join(QLatin1Char(' '))));
        QCOMPARE(rules({}), listed);
        r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("create"), QStringLiteral("secrets"), QStringLiteral("-n"), QStringLiteral("team")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
        r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("create"), QStringLiteral("secrets")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("no"));
    }

    void unauthenticatedIsRejected()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("--token=not-a-token"), QStringLiteral("--context=sandbox-token"), QStringLiteral("get"), QStringLiteral("pods")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Unauthorized")), qPrintable(r.err));
    }

    void explainUsesOpenApiV3()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("explain"), QStringLiteral("deployment.spec.template.spec.containers"), QStringLiteral("-v=6")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("/openapi/v3/apis/apps/v1?hash=")), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("GROUP:      apps")));
        QVERIFY(r.out.contains(QStringLiteral("KIND:       Deployment")));
        QVERIFY(r.out.contains(QStringLiteral("FIELD: containers <[]Container>")));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\n  image\\s+<string>"))));
    }

    void explainWithUpstreamDocuments()
    {
        SandboxOptions options;
        options.openApiDir = Qluster::Test::corpus(QStringLiteral("/openapi/v3"));
        SandboxFixture upstream(options);
        QVERIFY2(upstream.error().isEmpty(), qPrintable(upstream.error()));
        const KubectlResult r = upstream.kubectl({QStringLiteral("explain"), QStringLiteral("deployment.spec.template.spec.containers.image")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        // The upstream description, not the sandbox's own short one.
        QVERIFY2(r.out.contains(QStringLiteral("Container image name.")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxKubectlRead)
#include "tst_sandboxkubectlread.moc"
