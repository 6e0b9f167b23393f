// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// What the tst_kubeconfig* tests share: kubeconfig files for the scenarios (every field, a second
// file, exec users, no current context), the files they name, and running the real kubectl on them.
#pragma once

#include "config/kubeconfig.h"
#include "testenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using FileMap = QMap<QString, QString>;

namespace Qluster::Test {

const char *const kFull = R"(apiVersion: v1
kind: Config
current-context: ctx-a
preferences: {}
clusters:
- name: c1
  cluster:
    server: https://a.example:6443
    certificate-authority: certs/ca.crt
    tls-server-name: api.internal
    proxy-url: socks5://127.0.0.1:1080
    disable-compression: true
    extensions:
    - name: zz-last
      extension: 1
    - name: ext1
      extension:
        foo: bar
        n: 3
        quoted: "12"
        flag: yes
- name: c-insecure
  cluster:
    server: http://127.0.0.1:8001
    insecure-skip-tls-verify: yes
contexts:
- name: ctx-a
  context:
    cluster: c1
    user: u-token
    namespace: ns1
    extensions:
    - name: e
      extension: {a: 1, b: [x, "2"]}
- name: ctx-b
  context: {cluster: c-insecure, user: u-cert}
- name: ctx-exec
  context: {cluster: c-insecure, user: u-exec}
users:
- name: u-token
  user:
    token: secret-token
    tokenFile: tokens/t
    as: bob
    as-uid: "12"
    as-groups: [g1, g2]
    as-user-extra:
      scopes: [view, edit]
- name: u-basic
  user: {username: admin, password: hunter2}
- name: u-cert
  user:
    client-certificate: certs/client.crt
    client-key: certs/client.key
- name: u-data
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
- name: u-exec
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/plugin
      args: [get-token, --x]
      env:
      - name: X
        value: "y"
      installHint: install it from example.com
      provideClusterInfo: true
      interactiveMode: Never
- name: u-exec-min
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: gke-gcloud-auth-plugin
- name: u-oidc
  user:
    auth-provider:
      name: oidc
      config:
        idp-issuer-url: https://issuer.example
        client-id: cid
        id-token: idt
        refresh-token: rt
)";

const char *const kSecond = R"(apiVersion: v1
kind: Config
current-context: ctx-second
clusters:
- name: c1
  cluster:
    server: https://shadowed.example
- name: c2
  cluster:
    server: https://b.example
    certificate-authority-data: QkNB
contexts:
- name: ctx-a
  context: {cluster: c2, user: u-token, namespace: shadowed}
- name: ctx-second
  context: {cluster: c2, user: u2, namespace: two}
users:
- name: u2
  user: {token: t2}
)";

// One exec user per row of execInteractiveModeAsKubectl; %1 is the apiVersion, %2 the mode line.
const char *const kExecTemplate = R"(apiVersion: v1
kind: Config
current-context: ctx-exec
clusters:
- name: c
  cluster: {server: "https://127.0.0.1:9"}
contexts:
- name: ctx-exec
  context: {cluster: c, user: plugin-user}
users:
- name: plugin-user
  user:
    exec:
      apiVersion: %1
      command: /bin/false
%2)";

inline QString execConfig(const char *apiVersion, const char *modeLine)
{
    return QString::fromLatin1(kExecTemplate).arg(QLatin1String(apiVersion), QLatin1String(modeLine));
}

const char *const kNoCurrent = R"(apiVersion: v1
kind: Config
clusters:
- name: c3
  cluster: {server: "https://c.example"}
contexts:
- name: ctx-third
  context: {cluster: c3}
)";

inline FileMap supportFiles()
{
    return {{QStringLiteral("certs/ca.crt"), QStringLiteral("CA-BYTES\n")},
            {QStringLiteral("certs/client.crt"), QStringLiteral("CLIENT-CERT\n")},
            {QStringLiteral("certs/client.key"), QStringLiteral("CLIENT-KEY\n")},
            {QStringLiteral("tokens/t"), QStringLiteral("file-token\n")}};
}

struct Kubectl
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Kubectl runKubectl(const QStringList &args, const QString &kubeconfigEnv, const QString &cwd)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfigEnv);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(cwd);
    p.start(Qluster::Test::kubectl(), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

inline bool writeFiles(const QString &root, const FileMap &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = QDir(root).filePath(it.key());
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(it.value().toUtf8());
    }
    return true;
}

inline QStringList absolute(const QString &root, const QStringList &names)
{
    QStringList out;
    for (const QString &n : names)
        out.append(QDir(root).filePath(n));
    return out;
}

inline QByteArray digest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<missing>");
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace Qluster::Test
