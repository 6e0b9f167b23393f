// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "kubeconfigfile.h"

#include "edit/yamljson.h"
#include "util/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

namespace Qluster {

namespace {

// Thrown only inside this file while decoding one document and caught in decodeFile(): yaml-cpp
// reports through exceptions, and so does the decoder to keep the per-field code short.
struct DecodeFailure
{
    Error error;
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

class Decoder
{
public:
    explicit Decoder(QString file)
        : m_file(std::move(file))
    {
    }

    [[noreturn]] void fail(const YAML::Node &node, const QString &message) const
    {
        const YAML::Mark mark = node.Mark();
        const bool known = !mark.is_null();
        throw DecodeFailure{
            Error::parse(m_file, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0, message)};
    }

    QString string(const YAML::Node &node, const char *field) const
    {
        if (!node || node.IsNull())
            return {};
        if (!node.IsScalar())
            fail(node, QStringLiteral("%1: expected a string").arg(QLatin1String(field)));
        return qs(node.Scalar());
    }

    bool boolean(const YAML::Node &node, const char *field) const
    {
        if (!node || node.IsNull())
            return false;
        if (node.IsScalar() && node.Tag() == "?") {
            if (const QJsonValue b = resolveYamlScalar(qs(node.Scalar())); b.isBool())
                return b.toBool();
        }
        fail(node, QStringLiteral("%1: expected true or false").arg(QLatin1String(field)));
    }

    QByteArray base64(const YAML::Node &node, const char *field) const
    {
        const QString text = string(node, field);
        if (text.isEmpty())
            return {};
        auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail(node, QStringLiteral("%1: illegal base64 data").arg(QLatin1String(field)));
        return *decoded;
    }

    QStringList stringList(const YAML::Node &node, const char *field) const
    {
        QStringList list;
        if (!node || node.IsNull())
            return list;
        if (!node.IsSequence())
            fail(node, QStringLiteral("%1: expected a list").arg(QLatin1String(field)));
        for (const YAML::Node &item : node)
            list.append(string(item, field));
        return list;
    }

    void requireMap(const YAML::Node &node, const char *field) const
    {
        if (node && !node.IsNull() && !node.IsMap())
            fail(node, QStringLiteral("%1: expected a mapping").arg(QLatin1String(field)));
    }

    // A mapping of string keys, each value decoded by value(node, field) (string, stringList...).
    template<typename T>
    QMap<QString, T> map(const YAML::Node &node, const char *field,
                         T (Decoder::*value)(const YAML::Node &, const char *) const) const
    {
        QMap<QString, T> out;
        requireMap(node, field);
        if (node && node.IsMap()) {
            for (auto it = node.begin(); it != node.end(); ++it)
                out.insert(string(it->first, field), (this->*value)(it->second, field));
        }
        return out;
    }

    QJsonValue json(const YAML::Node &node) const
    {
        Result<QJsonValue> value = yamlNodeToJson(node, m_file);
        if (!value)
            throw DecodeFailure{value.error()};
        return *value;
    }

    QList<NamedExtension> extensions(const YAML::Node &node) const
    {
        QList<NamedExtension> list;
        if (!node || node.IsNull())
            return list;
        if (!node.IsSequence())
            fail(node, QStringLiteral("extensions: expected a list"));
        for (const YAML::Node &item : node) {
            requireMap(item, "extensions[]");
            list.append({string(item["name"], "name"), json(item["extension"])});
        }
        return list;
    }

private:
    QString m_file;
};

Result<YAML::Node> readYaml(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::io(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    try {
        return YAML::Load(bytes.toStdString());
    } catch (const YAML::Exception &e) {
        const bool known = !e.mark.is_null();
        return fail(Error::parse(path, known ? e.mark.line + 1 : 0, known ? e.mark.column + 1 : 0,
                                 qs(e.msg)));
    }
}

ExecConfig decodeExec(const Decoder &d, const YAML::Node &node)
{
    d.requireMap(node, "exec");
    ExecConfig exec;
    exec.apiVersion = d.string(node["apiVersion"], "apiVersion");
    exec.command = d.string(node["command"], "command");
    exec.hasArgs = node["args"] && !node["args"].IsNull();
    exec.args = d.stringList(node["args"], "args");
    const YAML::Node env = node["env"];
    exec.hasEnv = env && !env.IsNull();
    if (exec.hasEnv) {
        if (!env.IsSequence())
            d.fail(env, QStringLiteral("env: expected a list"));
        for (const YAML::Node &item : env) {
            d.requireMap(item, "env[]");
            exec.env.append({d.string(item["name"], "name"), d.string(item["value"], "value")});
        }
    }
    exec.installHint = d.string(node["installHint"], "installHint");
    exec.provideClusterInfo = d.boolean(node["provideClusterInfo"], "provideClusterInfo");
    const YAML::Node modeNode = node["interactiveMode"];
    const QString mode = d.string(modeNode, "interactiveMode");
    if (mode == QLatin1String("Never"))
        exec.interactiveMode = ExecConfig::InteractiveMode::Never;
    else if (mode == QLatin1String("IfAvailable"))
        exec.interactiveMode = ExecConfig::InteractiveMode::IfAvailable;
    else if (mode == QLatin1String("Always"))
        exec.interactiveMode = ExecConfig::InteractiveMode::Always;
    else if (!mode.isEmpty())
        d.fail(modeNode, QStringLiteral("interactiveMode: must be Never, IfAvailable or Always"));
    return exec;
}

} // namespace

Result<KubeconfigFile> KubeconfigFile::read(const QString &path)
{
    auto root = readYaml(path);
    if (!root)
        return fail(root.error());
    KubeconfigFile content;
    const Decoder d(path);
    try {
        const YAML::Node doc = *root;
        if (!doc || doc.IsNull())
            return content;
        d.requireMap(doc, "kubeconfig");
        content.currentContext = d.string(doc["current-context"], "current-context");
        content.hasCurrentContext = !content.currentContext.isEmpty();
        const YAML::Node prefs = doc["preferences"];
        d.requireMap(prefs, "preferences");
        if (prefs && prefs.IsMap())
            content.preferences = d.json(prefs).toObject();
        content.extensions = d.extensions(doc["extensions"]);

        auto forEachEntry = [&](const char *listName, const char *entryName, auto handle) {
            const YAML::Node list = doc[listName];
            if (!list || list.IsNull())
                return;
            if (!list.IsSequence())
                d.fail(list, QStringLiteral("%1: expected a list").arg(QLatin1String(listName)));
            QStringList seen;
            for (const YAML::Node &item : list) {
                d.requireMap(item, listName);
                const QString name = d.string(item["name"], "name");
                // client-go refuses a file that defines a name twice in one list.
                if (seen.contains(name))
                    d.fail(item, QStringLiteral("duplicate name \"%1\" in %2")
                                     .arg(name, QLatin1String(listName)));
                seen.append(name);
                const YAML::Node body = item[entryName];
                d.requireMap(body, entryName);
                handle(name, body);
            }
        };

        const QString origin = QFileInfo(path).absoluteFilePath();
        forEachEntry("clusters", "cluster", [&](const QString &name, const YAML::Node &c) {
            KubeconfigCluster cluster;
            cluster.name = name;
            cluster.originFile = origin;
            if (c && c.IsMap()) {
                cluster.server = d.string(c["server"], "server");
                cluster.tlsServerName = d.string(c["tls-server-name"], "tls-server-name");
                cluster.insecureSkipTlsVerify =
                    d.boolean(c["insecure-skip-tls-verify"], "insecure-skip-tls-verify");
                cluster.certificateAuthority =
                    d.string(c["certificate-authority"], "certificate-authority");
                cluster.certificateAuthorityData =
                    d.base64(c["certificate-authority-data"], "certificate-authority-data");
                cluster.proxyUrl = d.string(c["proxy-url"], "proxy-url");
                cluster.disableCompression =
                    d.boolean(c["disable-compression"], "disable-compression");
                cluster.extensions = d.extensions(c["extensions"]);
            }
            content.clusters.append(std::move(cluster));
        });
        forEachEntry("users", "user", [&](const QString &name, const YAML::Node &u) {
            KubeconfigUser user;
            user.name = name;
            user.originFile = origin;
            if (u && u.IsMap()) {
                user.clientCertificate = d.string(u["client-certificate"], "client-certificate");
                user.clientCertificateData =
                    d.base64(u["client-certificate-data"], "client-certificate-data");
                user.clientKey = d.string(u["client-key"], "client-key");
                user.clientKeyData = d.base64(u["client-key-data"], "client-key-data");
                user.token = d.string(u["token"], "token");
                user.tokenFile = d.string(u["tokenFile"], "tokenFile");
                user.impersonate = d.string(u["as"], "as");
                user.impersonateUid = d.string(u["as-uid"], "as-uid");
                user.impersonateGroups = d.stringList(u["as-groups"], "as-groups");
                user.impersonateUserExtra = d.map(u["as-user-extra"], "as-user-extra", &Decoder::stringList);
                user.username = d.string(u["username"], "username");
                user.password = d.string(u["password"], "password");
                const YAML::Node provider = u["auth-provider"];
                d.requireMap(provider, "auth-provider");
                if (provider && provider.IsMap()) {
                    AuthProviderConfig config;
                    config.name = d.string(provider["name"], "name");
                    config.config = d.map(provider["config"], "config", &Decoder::string);
                    user.authProvider = config;
                }
                const YAML::Node exec = u["exec"];
                if (exec && !exec.IsNull())
                    user.exec = decodeExec(d, exec);
                user.extensions = d.extensions(u["extensions"]);
            }
            content.users.append(std::move(user));
        });
        forEachEntry("contexts", "context", [&](const QString &name, const YAML::Node &c) {
            KubeconfigContext context;
            context.name = name;
            context.originFile = origin;
            if (c && c.IsMap()) {
                context.cluster = d.string(c["cluster"], "cluster");
                context.user = d.string(c["user"], "user");
                context.namespaceName = d.string(c["namespace"], "namespace");
                context.extensions = d.extensions(c["extensions"]);
            }
            content.contexts.append(std::move(context));
        });
    } catch (const DecodeFailure &failure) {
        return fail(failure.error);
    } catch (const YAML::Exception &e) {
        const bool known = !e.mark.is_null();
        return fail(Error::parse(path, known ? e.mark.line + 1 : 0, known ? e.mark.column + 1 : 0,
                                 qs(e.msg)));
    }
    return content;
}

Result<void> KubeconfigFile::edit(const QString &path,
                                  const std::function<Result<void>(QJsonObject &document)> &change)
{
    QJsonObject document{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                         {QStringLiteral("kind"), QStringLiteral("Config")}};
    if (QFileInfo::exists(path)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::io(path, file.errorString()));
        const Result<QJsonValue> read = yamlToJson(file.readAll(), path);
        if (!read)
            return fail(read.error());
        if (!read->isObject() && !read->isNull())
            return fail(Error::parse(path, 1, 1, QStringLiteral("kubeconfig: expected a mapping")));
        document = read->toObject();
    }
    if (Result<void> changed = change(document); !changed)
        return changed;

    const QFileInfo info(path);
    if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath()))
        return fail(Error::io(path, QStringLiteral("cannot create the folder")));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Error::io(path, file.errorString()));
    const QByteArray bytes = jsonToYaml(document);
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return fail(Error::io(path, file.errorString()));
    }
    // A kubeconfig holds credentials: owner read/write only, as kubectl creates it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!file.commit())
        return fail(Error::io(path, file.errorString()));
    qCInfo(lcConfig) << "wrote" << path;
    return {};
}

} // namespace Qluster
