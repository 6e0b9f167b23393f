// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "kubeconfig.h"

#include "kubeconfigfile.h"

#include "util/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace Qluster {

namespace {

QString resolvePath(const QString &originFile, const QString &path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QFileInfo(originFile).absoluteDir().filePath(path));
}

Result<QByteArray> readReferenced(const QString &originFile, const QString &path,
                                  const QString &what)
{
    const QString absolute = resolvePath(originFile, path);
    QFile file(absolute);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::io(absolute, QStringLiteral("cannot read %1 (named in %2): %3")
                                            .arg(what, originFile, file.errorString())));
    return file.readAll();
}

QJsonArray extensionsJson(QList<NamedExtension> extensions)
{
    // client-go keeps extensions in a map: kubectl prints them sorted by name.
    std::stable_sort(extensions.begin(), extensions.end(),
                     [](const NamedExtension &a, const NamedExtension &b) { return a.name < b.name; });
    QJsonArray array;
    for (const NamedExtension &e : std::as_const(extensions))
        array.append(QJsonObject{{QStringLiteral("name"), e.name},
                                 {QStringLiteral("extension"), e.extension}});
    return array;
}

// The index of the entry called name in one of a kubeconfig's named lists, or -1.
qsizetype indexOfNamed(const QJsonArray &list, const QString &name)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).toObject().value(QLatin1String("name")).toString() == name)
            return i;
    }
    return -1;
}

Error changedOnDisk(const QString &file, const QString &what)
{
    return Error::io(file, QStringLiteral("%1 is no longer in this file (it changed on disk); reload")
                               .arg(what));
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

ExecConfig::InteractiveMode ExecConfig::effectiveInteractiveMode() const
{
    // client-go's v1beta1 conversion defaults the mode to IfAvailable; v1 made the field required
    // (KEP-2593), so kubectl leaves it unset there and refuses to run the plugin.
    if (interactiveMode == InteractiveMode::Unset
        && apiVersion == QLatin1String("client.authentication.k8s.io/v1beta1"))
        return InteractiveMode::IfAvailable;
    return interactiveMode;
}

Result<void> ExecConfig::validate(const QString &userName) const
{
    // kubectl's own words (clientcmd validateAuthInfo), then where to fix it.
    if (effectiveInteractiveMode() == InteractiveMode::Unset)
        return fail(Error::invalid(
            QStringLiteral("interactiveMode must be specified for %1 to use exec authentication "
                           "plugin; set exec.interactiveMode of user \"%1\" to Never, IfAvailable "
                           "or Always")
                .arg(userName)));
    return {};
}

QStringList Kubeconfig::loadingPrecedence(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return {explicitPath};
    const QString env = qEnvironmentVariable("KUBECONFIG");
    if (!env.isEmpty()) {
        QStringList files;
        for (const QString &item : env.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
            if (!files.contains(item))
                files.append(item);
        }
        if (!files.isEmpty())
            return files;
    }
    return {QDir::home().filePath(QStringLiteral(".kube/config"))};
}

Result<Kubeconfig> Kubeconfig::load(const QString &explicitPath)
{
    return loadFiles(loadingPrecedence(explicitPath), !explicitPath.isEmpty());
}

Result<Kubeconfig> Kubeconfig::loadFiles(const QStringList &files, bool explicitFile)
{
    Kubeconfig config;
    config.m_explicit = explicitFile;
    for (const QString &file : files)
        config.m_files.append(QFileInfo(file).absoluteFilePath());

    for (const QString &file : std::as_const(config.m_files)) {
        if (!QFileInfo::exists(file)) {
            if (explicitFile)
                return fail(Error::io(file, QStringLiteral("kubeconfig file not found")));
            qCDebug(lcConfig) << "skipping missing kubeconfig" << file;
            continue;
        }
        auto content = KubeconfigFile::read(file);
        if (!content)
            return fail(content.error());
        if (config.m_currentContext.isEmpty() && content->hasCurrentContext)
            config.m_currentContext = content->currentContext;
        for (KubeconfigCluster &c : content->clusters) {
            if (!config.m_clusters.contains(c.name))
                config.m_clusters.insert(c.name, std::move(c));
        }
        for (KubeconfigUser &u : content->users) {
            if (!config.m_users.contains(u.name))
                config.m_users.insert(u.name, std::move(u));
        }
        for (KubeconfigContext &c : content->contexts) {
            if (!config.m_contexts.contains(c.name))
                config.m_contexts.insert(c.name, std::move(c));
        }
        for (const NamedExtension &e : std::as_const(content->extensions)) {
            const bool known = std::any_of(config.m_extensions.cbegin(), config.m_extensions.cend(),
                                           [&](const NamedExtension &x) { return x.name == e.name; });
            if (!known)
                config.m_extensions.append(e);
        }
        for (auto it = content->preferences.constBegin(); it != content->preferences.constEnd(); ++it) {
            if (!config.m_preferences.contains(it.key()))
                config.m_preferences.insert(it.key(), it.value());
        }
    }
    return config;
}

std::vector<KubeconfigContext> Kubeconfig::contexts() const
{
    return {m_contexts.cbegin(), m_contexts.cend()};
}

std::vector<KubeconfigCluster> Kubeconfig::clusters() const
{
    return {m_clusters.cbegin(), m_clusters.cend()};
}

std::vector<KubeconfigUser> Kubeconfig::users() const
{
    return {m_users.cbegin(), m_users.cend()};
}

std::optional<KubeconfigContext> Kubeconfig::context(const QString &name) const
{
    const auto it = m_contexts.constFind(name);
    return it == m_contexts.cend() ? std::nullopt : std::optional(*it);
}

std::optional<KubeconfigCluster> Kubeconfig::cluster(const QString &name) const
{
    const auto it = m_clusters.constFind(name);
    return it == m_clusters.cend() ? std::nullopt : std::optional(*it);
}

std::optional<KubeconfigUser> Kubeconfig::user(const QString &name) const
{
    const auto it = m_users.constFind(name);
    return it == m_users.cend() ? std::nullopt : std::optional(*it);
}

Error Kubeconfig::unknownContextError(const QString &name) const
{
    const QStringList known = m_contexts.keys();
    return Error::invalid(
        QStringLiteral("context \"%1\" not found in kubeconfig (%2); known contexts: %3")
            .arg(name, m_files.join(QDir::listSeparator()),
                 known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
}

Result<ResolvedContext> Kubeconfig::resolve(const QString &contextName) const
{
    const auto ctx = context(contextName);
    if (!ctx)
        return fail(unknownContextError(contextName));
    ResolvedContext resolved;
    resolved.contextName = contextName;
    resolved.context = *ctx;
    resolved.namespaceName =
        ctx->namespaceName.isEmpty() ? QStringLiteral("default") : ctx->namespaceName;

    const auto clusterEntry = cluster(ctx->cluster);
    if (!clusterEntry)
        return fail(Error::invalid(QStringLiteral("context \"%1\" names cluster \"%2\", which is "
                                                  "not defined in kubeconfig")
                                       .arg(contextName, ctx->cluster)));
    resolved.cluster = *clusterEntry;
    KubeconfigCluster &c = resolved.cluster;
    if (c.server.isEmpty())
        return fail(Error::invalid(
            QStringLiteral("cluster \"%1\" has no server (in %2)").arg(c.name, c.originFile)));
    if (!c.certificateAuthority.isEmpty()) {
        auto data = readReferenced(c.originFile, c.certificateAuthority,
                                   QStringLiteral("certificate-authority"));
        if (!data)
            return fail(data.error());
        c.certificateAuthority = resolvePath(c.originFile, c.certificateAuthority);
        c.certificateAuthorityData = *data;
    }

    // A context may name no user (anonymous access); kubectl then sends no credentials.
    if (!ctx->user.isEmpty()) {
        const auto userEntry = user(ctx->user);
        if (!userEntry)
            return fail(Error::invalid(QStringLiteral("context \"%1\" names user \"%2\", which is "
                                                      "not defined in kubeconfig")
                                           .arg(contextName, ctx->user)));
        resolved.user = *userEntry;
    }
    KubeconfigUser &u = resolved.user;
    if (!u.clientCertificate.isEmpty()) {
        auto data = readReferenced(u.originFile, u.clientCertificate,
                                   QStringLiteral("client-certificate"));
        if (!data)
            return fail(data.error());
        u.clientCertificate = resolvePath(u.originFile, u.clientCertificate);
        u.clientCertificateData = *data;
    }
    if (!u.clientKey.isEmpty()) {
        auto data = readReferenced(u.originFile, u.clientKey, QStringLiteral("client-key"));
        if (!data)
            return fail(data.error());
        u.clientKey = resolvePath(u.originFile, u.clientKey);
        u.clientKeyData = *data;
    }
    // tokenFile is read per request by the AuthProvider (it rotates); only make it absolute.
    u.tokenFile = resolvePath(u.originFile, u.tokenFile);
    // client-go resolves an exec command against the kubeconfig's folder only when it holds a
    // path separator; a bare name is looked up in PATH.
    if (u.exec && u.exec->command.contains(QLatin1Char('/')))
        u.exec->command = resolvePath(u.originFile, u.exec->command);
    if (u.authProvider) {
        // Like a CA file of the cluster, the issuer's CA file is read relative to the file that
        // names it; -data wins, as in client-go (CAData over CAFile).
        const QMap<QString, QString> &config = u.authProvider->config;
        const QString data = config.value(QStringLiteral("idp-certificate-authority-data"));
        const QString file = config.value(QStringLiteral("idp-certificate-authority"));
        if (!data.isEmpty()) {
            resolved.idpCertificateAuthorityData = QByteArray::fromBase64(data.toLatin1());
        } else if (!file.isEmpty()) {
            auto read = readReferenced(u.originFile, file,
                                       QStringLiteral("idp-certificate-authority"));
            if (!read)
                return fail(read.error());
            resolved.idpCertificateAuthorityData = *read;
        }
    }
    if (u.exec) {
        auto usable = u.exec->validate(u.name);
        if (!usable) {
            Error e = usable.error();
            e.file = u.originFile;
            return fail(e);
        }
    }
    return resolved;
}

QString Kubeconfig::defaultFilename() const
{
    if (m_explicit || m_files.size() == 1)
        return m_files.value(0);
    for (const QString &file : m_files) {
        if (QFileInfo::exists(file))
            return file;
    }
    return m_files.value(m_files.size() - 1);
}

Result<void> Kubeconfig::setCurrentContext(const QString &contextName)
{
    if (!m_contexts.contains(contextName))
        return fail(unknownContextError(contextName));
    if (contextName == m_currentContext)
        return {};

    // `kubectl config use-context` writes into the first existing file of the loading precedence
    // (client-go clientcmd.writeCurrentContext), whether or not it already sets a current-context.
    QString destination;
    for (const QString &file : std::as_const(m_files)) {
        if (QFileInfo::exists(file)) {
            destination = file;
            break;
        }
    }
    if (destination.isEmpty())
        return fail(Error::io(m_files.value(0), QStringLiteral("no kubeconfig file to write the "
                                                               "current context into")));
    const Result<void> written = KubeconfigFile::edit(destination, [&](QJsonObject &document) {
        document.insert(QStringLiteral("current-context"), contextName);
        return Result<void>();
    });
    if (!written)
        return written;
    auto reloaded = loadFiles(m_files, m_explicit);
    if (!reloaded)
        return fail(reloaded.error());
    *this = std::move(*reloaded);
    return {};
}

Result<void> Kubeconfig::setContextNamespace(const QString &contextName,
                                             const QString &namespaceName)
{
    const auto ctx = context(contextName);
    if (!ctx)
        return fail(unknownContextError(contextName));
    const QString destination = ctx->originFile;
    const Result<void> written = KubeconfigFile::edit(destination, [&](QJsonObject &document) {
        QJsonArray contexts = document.value(QLatin1String("contexts")).toArray();
        const qsizetype index = indexOfNamed(contexts, contextName);
        if (index < 0)
            return Result<void>(fail(changedOnDisk(destination, QStringLiteral("context \"%1\"").arg(contextName))));
        QJsonObject entry = contexts.at(index).toObject();
        QJsonObject body = entry.value(QLatin1String("context")).toObject();
        if (namespaceName.isEmpty())
            body.remove(QStringLiteral("namespace"));
        else
            body.insert(QStringLiteral("namespace"), namespaceName);
        entry.insert(QStringLiteral("context"), body);
        contexts.replace(index, entry);
        document.insert(QStringLiteral("contexts"), contexts);
        return Result<void>();
    });
    if (!written)
        return written;
    auto reloaded = loadFiles(m_files, m_explicit);
    if (!reloaded)
        return fail(reloaded.error());
    *this = std::move(*reloaded);
    return {};
}

Result<void> Kubeconfig::setAuthProviderConfig(const QString &userName,
                                               const QMap<QString, QString> &config)
{
    const auto entry = user(userName);
    if (!entry || !entry->authProvider)
        return fail(Error::invalid(
            QStringLiteral("user \"%1\" has no auth-provider in kubeconfig").arg(userName)));
    const QString destination = entry->originFile;
    const Result<void> written = KubeconfigFile::edit(destination, [&](QJsonObject &document) {
        QJsonArray users = document.value(QLatin1String("users")).toArray();
        const qsizetype index = indexOfNamed(users, userName);
        QJsonObject entry = users.at(index).toObject(); // empty when index is -1
        QJsonObject body = entry.value(QLatin1String("user")).toObject();
        if (index < 0 || !body.value(QLatin1String("auth-provider")).isObject())
            return Result<void>(fail(changedOnDisk(destination, QStringLiteral("user \"%1\"").arg(userName))));
        QJsonObject provider = body.value(QLatin1String("auth-provider")).toObject();
        QJsonObject map;
        for (auto it = config.cbegin(); it != config.cend(); ++it)
            map.insert(it.key(), it.value());
        provider.insert(QStringLiteral("config"), map);
        body.insert(QStringLiteral("auth-provider"), provider);
        entry.insert(QStringLiteral("user"), body);
        users.replace(index, entry);
        document.insert(QStringLiteral("users"), users);
        return Result<void>();
    });
    if (!written)
        return written;
    auto reloaded = loadFiles(m_files, m_explicit);
    if (!reloaded)
        return fail(reloaded.error());
    *this = std::move(*reloaded);
    return {};
}

Result<QJsonObject> Kubeconfig::toFlattenedJson() const
{
    QJsonArray clusters;
    for (const KubeconfigCluster &c : m_clusters) {
        QJsonObject o;
        if (!c.server.isEmpty())
            o.insert(QStringLiteral("server"), c.server);
        if (!c.tlsServerName.isEmpty())
            o.insert(QStringLiteral("tls-server-name"), c.tlsServerName);
        if (c.insecureSkipTlsVerify)
            o.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        QByteArray ca = c.certificateAuthorityData;
        if (!c.certificateAuthority.isEmpty()) {
            auto data = readReferenced(c.originFile, c.certificateAuthority,
                                       QStringLiteral("certificate-authority"));
            if (!data)
                return fail(data.error());
            ca = *data;
        }
        if (!ca.isEmpty())
            o.insert(QStringLiteral("certificate-authority-data"), b64(ca));
        if (!c.proxyUrl.isEmpty())
            o.insert(QStringLiteral("proxy-url"), c.proxyUrl);
        if (c.disableCompression)
            o.insert(QStringLiteral("disable-compression"), true);
        if (!c.extensions.isEmpty())
            o.insert(QStringLiteral("extensions"), extensionsJson(c.extensions));
        clusters.append(QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("cluster"), o}});
    }

    QJsonArray users;
    for (const KubeconfigUser &u : m_users) {
        QJsonObject o;
        auto inlineFile = [&](const QString &path, const QByteArray &data, const QString &what,
                              const QString &key) -> Result<void> {
            QByteArray bytes = data;
            if (!path.isEmpty()) {
                auto read = readReferenced(u.originFile, path, what);
                if (!read)
                    return fail(read.error());
                bytes = *read;
            }
            if (!bytes.isEmpty())
                o.insert(key, b64(bytes));
            return {};
        };
        if (auto r = inlineFile(u.clientCertificate, u.clientCertificateData,
                                QStringLiteral("client-certificate"),
                                QStringLiteral("client-certificate-data"));
            !r)
            return fail(r.error());
        if (auto r = inlineFile(u.clientKey, u.clientKeyData, QStringLiteral("client-key"),
                                QStringLiteral("client-key-data"));
            !r)
            return fail(r.error());
        auto put = [&](const char *key, const QString &value) {
            if (!value.isEmpty())
                o.insert(QLatin1String(key), value);
        };
        put("token", u.token);
        put("tokenFile", u.tokenFile);
        put("as", u.impersonate);
        put("as-uid", u.impersonateUid);
        if (!u.impersonateGroups.isEmpty())
            o.insert(QStringLiteral("as-groups"), QJsonArray::fromStringList(u.impersonateGroups));
        if (!u.impersonateUserExtra.isEmpty()) {
            QJsonObject extra;
            for (auto it = u.impersonateUserExtra.cbegin(); it != u.impersonateUserExtra.cend(); ++it)
                extra.insert(it.key(), QJsonArray::fromStringList(it.value()));
            o.insert(QStringLiteral("as-user-extra"), extra);
        }
        put("username", u.username);
        put("password", u.password);
        if (u.authProvider) {
            QJsonObject provider{{QStringLiteral("name"), u.authProvider->name}};
            if (!u.authProvider->config.isEmpty()) {
                QJsonObject config;
                for (auto it = u.authProvider->config.cbegin(); it != u.authProvider->config.cend();
                     ++it)
                    config.insert(it.key(), it.value());
                provider.insert(QStringLiteral("config"), config);
            }
            o.insert(QStringLiteral("auth-provider"), provider);
        }
        if (u.exec) {
            const ExecConfig &e = *u.exec;
            QJsonObject exec{{QStringLiteral("command"), e.command},
                             {QStringLiteral("apiVersion"), e.apiVersion},
                             {QStringLiteral("provideClusterInfo"), e.provideClusterInfo}};
            exec.insert(QStringLiteral("args"), e.hasArgs ? QJsonValue(QJsonArray::fromStringList(e.args))
                                                          : QJsonValue(QJsonValue::Null));
            QJsonArray env;
            for (const ExecEnvVar &v : e.env)
                env.append(QJsonObject{{QStringLiteral("name"), v.name},
                                       {QStringLiteral("value"), v.value}});
            exec.insert(QStringLiteral("env"),
                        e.hasEnv ? QJsonValue(env) : QJsonValue(QJsonValue::Null));
            if (!e.installHint.isEmpty())
                exec.insert(QStringLiteral("installHint"), e.installHint);
            // kubectl prints the mode only when it is set, or defaulted (v1beta1).
            static const char *const modes[] = {"", "Never", "IfAvailable", "Always"};
            if (e.effectiveInteractiveMode() != ExecConfig::InteractiveMode::Unset)
                exec.insert(QStringLiteral("interactiveMode"),
                            QLatin1String(modes[static_cast<int>(e.effectiveInteractiveMode())]));
            o.insert(QStringLiteral("exec"), exec);
        }
        if (!u.extensions.isEmpty())
            o.insert(QStringLiteral("extensions"), extensionsJson(u.extensions));
        users.append(QJsonObject{{QStringLiteral("name"), u.name}, {QStringLiteral("user"), o}});
    }

    QJsonArray contexts;
    for (const KubeconfigContext &c : m_contexts) {
        QJsonObject o;
        // Context.cluster and Context.user have no omitempty in client-go's v1 types.
        o.insert(QStringLiteral("cluster"), c.cluster);
        o.insert(QStringLiteral("user"), c.user);
        if (!c.namespaceName.isEmpty())
            o.insert(QStringLiteral("namespace"), c.namespaceName);
        if (!c.extensions.isEmpty())
            o.insert(QStringLiteral("extensions"), extensionsJson(c.extensions));
        contexts.append(QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("context"), o}});
    }

    auto listOrNull = [](const QJsonArray &a) {
        return a.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a);
    };
    QJsonObject root{{QStringLiteral("kind"), QStringLiteral("Config")},
                     {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                     {QStringLiteral("preferences"), m_preferences},
                     {QStringLiteral("clusters"), listOrNull(clusters)},
                     {QStringLiteral("users"), listOrNull(users)},
                     {QStringLiteral("contexts"), listOrNull(contexts)},
                     {QStringLiteral("current-context"), m_currentContext}};
    if (!m_extensions.isEmpty())
        root.insert(QStringLiteral("extensions"), extensionsJson(m_extensions));
    return root;
}

} // namespace Qluster
