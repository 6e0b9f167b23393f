// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Qluster {

/// NamedExtension is one entry of a kubeconfig `extensions` list, its value kept as JSON.
struct NamedExtension
{
    QString name;
    QJsonValue extension;

    friend bool operator==(const NamedExtension &, const NamedExtension &) = default;
};

/// KubeconfigCluster is one `clusters[].cluster` entry as written (paths not yet resolved).
struct KubeconfigCluster
{
    QString name;
    QString server;
    QString tlsServerName;
    bool insecureSkipTlsVerify = false;
    QString certificateAuthority;        ///< path as written; relative to originFile's folder
    QByteArray certificateAuthorityData; ///< decoded bytes of certificate-authority-data
    QString proxyUrl;
    bool disableCompression = false;
    QList<NamedExtension> extensions;
    QString originFile; ///< absolute path of the file that defined this entry

    friend bool operator==(const KubeconfigCluster &, const KubeconfigCluster &) = default;
};

/// ExecEnvVar is one `exec.env` entry passed to a credential plugin.
struct ExecEnvVar
{
    QString name;
    QString value;

    friend bool operator==(const ExecEnvVar &, const ExecEnvVar &) = default;
};

/// ExecConfig describes a client-go credential plugin (`users[].user.exec`).
struct ExecConfig
{
    enum class InteractiveMode { Unset, Never, IfAvailable, Always };

    QString apiVersion; ///< client.authentication.k8s.io/v1 or /v1beta1
    QString command;    ///< as written; resolved against the origin file when it holds a '/'
    QStringList args;
    bool hasArgs = false; ///< `args` key present (kubectl prints null otherwise)
    QList<ExecEnvVar> env;
    bool hasEnv = false;
    QString installHint;
    bool provideClusterInfo = false;
    InteractiveMode interactiveMode = InteractiveMode::Unset;

    /// ExecConfig::effectiveInteractiveMode applies client-go's defaulting: an unset mode is
    /// IfAvailable for v1beta1 and stays Unset for v1, where the field is required.
    InteractiveMode effectiveInteractiveMode() const;

    /// ExecConfig::validate fails as kubectl does when the plugin cannot be used as written (a v1
    /// plugin without interactiveMode), naming the kubeconfig user `userName`.
    Result<void> validate(const QString &userName) const;

    friend bool operator==(const ExecConfig &, const ExecConfig &) = default;
};

/// AuthProviderConfig is a legacy `auth-provider` entry (only `oidc` is supported by Connection).
struct AuthProviderConfig
{
    QString name;
    QMap<QString, QString> config;

    friend bool operator==(const AuthProviderConfig &, const AuthProviderConfig &) = default;
};

/// KubeconfigUser is one `users[].user` (AuthInfo) entry as written.
struct KubeconfigUser
{
    QString name;
    QString clientCertificate;
    QByteArray clientCertificateData;
    QString clientKey;
    QByteArray clientKeyData;
    QString token;
    QString tokenFile;
    QString impersonate;    ///< as
    QString impersonateUid; ///< as-uid
    QStringList impersonateGroups;
    QMap<QString, QStringList> impersonateUserExtra;
    QString username;
    QString password;
    std::optional<AuthProviderConfig> authProvider;
    std::optional<ExecConfig> exec;
    QList<NamedExtension> extensions;
    QString originFile;

    friend bool operator==(const KubeconfigUser &, const KubeconfigUser &) = default;
};

/// KubeconfigContext is one `contexts[].context` entry: a cluster, a user and a namespace.
struct KubeconfigContext
{
    QString name;
    QString cluster;
    QString user;
    QString namespaceName; ///< empty when the context does not set one
    QList<NamedExtension> extensions;
    QString originFile;

    friend bool operator==(const KubeconfigContext &, const KubeconfigContext &) = default;
};

/// ResolvedContext is everything needed to connect with one context: all referenced files read
/// into the *Data fields, tokenFile and exec command made absolute, namespace defaulted.
struct ResolvedContext
{
    QString contextName;
    KubeconfigContext context;
    KubeconfigCluster cluster;
    KubeconfigUser user;
    QString namespaceName; ///< the context's namespace, or "default"
    /// The OIDC issuer's CA: auth-provider idp-certificate-authority-data, else the file named by
    /// idp-certificate-authority (relative to the file defining the user). The user's config
    /// keeps the path as written, so refreshed tokens are written back without rewriting it.
    QByteArray idpCertificateAuthorityData;
};

/// Kubeconfig is the merged view of kubeconfig files that kubectl would use, with write-back of the
/// current context and of a context's namespace to the same file `kubectl config` would change.
class Kubeconfig final
{
public:
    /// Kubeconfig::loadingPrecedence lists the files kubectl reads: `explicitPath` alone, else the
    /// KUBECONFIG list (':' on Unix, ';' on Windows; empty items and duplicates dropped), else
    /// ~/.kube/config.
    static QStringList loadingPrecedence(const QString &explicitPath = {});

    /// Kubeconfig::load reads and merges the files of loadingPrecedence(explicitPath). A missing
    /// explicit file is an error; missing files of the KUBECONFIG list are skipped, as kubectl does.
    static Result<Kubeconfig> load(const QString &explicitPath = {});

    /// Kubeconfig::loadFiles merges `files` in order: the first file defining a cluster, user or
    /// context name wins, current-context comes from the first file that sets it. With
    /// `explicitFile` the single file must exist.
    static Result<Kubeconfig> loadFiles(const QStringList &files, bool explicitFile = false);

    /// Kubeconfig::files is the loading precedence this view was read from (absolute paths).
    QStringList files() const { return m_files; }
    bool isExplicitFile() const { return m_explicit; }

    /// Kubeconfig::contexts lists the merged contexts sorted by name.
    std::vector<KubeconfigContext> contexts() const;
    std::vector<KubeconfigCluster> clusters() const;
    std::vector<KubeconfigUser> users() const;
    QStringList contextNames() const { return m_contexts.keys(); }
    std::optional<KubeconfigContext> context(const QString &name) const;
    std::optional<KubeconfigCluster> cluster(const QString &name) const;
    std::optional<KubeconfigUser> user(const QString &name) const;

    /// Kubeconfig::currentContext is the merged current-context (empty when no file sets one).
    QString currentContext() const { return m_currentContext; }

    /// Kubeconfig::resolve returns the cluster, user and namespace of `contextName`, with every
    /// referenced file read; it fails naming a missing file, or listing the known contexts.
    Result<ResolvedContext> resolve(const QString &contextName) const;

    /// Kubeconfig::setCurrentContext writes current-context like `kubectl config use-context`:
    /// into the first existing file of the loading precedence (the explicit file if given).
    Result<void> setCurrentContext(const QString &contextName);

    /// Kubeconfig::setContextNamespace writes a context's namespace like
    /// `kubectl config set-context NAME --namespace=NS` into the file that defines the context.
    Result<void> setContextNamespace(const QString &contextName, const QString &namespaceName);

    /// Kubeconfig::setAuthProviderConfig replaces the `auth-provider.config` of user `userName`
    /// in the file that defines the user, as client-go persists refreshed OIDC tokens.
    Result<void> setAuthProviderConfig(const QString &userName,
                                       const QMap<QString, QString> &config);

    /// Kubeconfig::defaultFilename is kubectl's destination for new entries: the explicit file, the
    /// only or first existing (else last) KUBECONFIG file, or ~/.kube/config.
    QString defaultFilename() const;

    /// Kubeconfig::toFlattenedJson renders the merged view as `kubectl config view --flatten -o json`
    /// does (referenced certificate files inlined as *-data); fails naming a missing file.
    Result<QJsonObject> toFlattenedJson() const;

    /// Kubeconfig::unknownContextError says that `name` is not a context and lists the known ones.
    Error unknownContextError(const QString &name) const;

private:
    QStringList m_files;
    bool m_explicit = false;
    QString m_currentContext;
    QMap<QString, KubeconfigCluster> m_clusters;
    QMap<QString, KubeconfigUser> m_users;
    QMap<QString, KubeconfigContext> m_contexts;
    QList<NamedExtension> m_extensions;
    QJsonObject m_preferences;
};

} // namespace Qluster
