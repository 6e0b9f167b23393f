// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "kubeconfig.h"

#include "util/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
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

// YAML 1.1 booleans, as read by sigs.k8s.io/yaml (go-yaml v2) which kubectl uses.
std::optional<bool> yaml11Bool(const QString &v)
{
    static const QStringList yes = {QStringLiteral("y"), QStringLiteral("Y"), QStringLiteral("yes"),
                                    QStringLiteral("Yes"), QStringLiteral("YES"),
                                    QStringLiteral("true"), QStringLiteral("True"),
                                    QStringLiteral("TRUE"), QStringLiteral("on"),
                                    QStringLiteral("On"), QStringLiteral("ON")};
    static const QStringList no = {QStringLiteral("n"), QStringLiteral("N"), QStringLiteral("no"),
                                   QStringLiteral("No"), QStringLiteral("NO"),
                                   QStringLiteral("false"), QStringLiteral("False"),
                                   QStringLiteral("FALSE"), QStringLiteral("off"),
                                   QStringLiteral("Off"), QStringLiteral("OFF")};
    if (yes.contains(v))
        return true;
    if (no.contains(v))
        return false;
    return std::nullopt;
}

bool isYamlNull(const QString &v)
{
    return v.isEmpty() || v == QLatin1String("~") || v == QLatin1String("null")
        || v == QLatin1String("Null") || v == QLatin1String("NULL");
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
        if (node.IsScalar() && node.Tag() != "!") {
            if (const auto b = yaml11Bool(qs(node.Scalar())))
                return *b;
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
        if (!node || node.IsNull())
            return QJsonValue(QJsonValue::Null);
        if (node.IsSequence()) {
            QJsonArray array;
            for (const YAML::Node &item : node)
                array.append(json(item));
            return array;
        }
        if (node.IsMap()) {
            QJsonObject object;
            for (auto it = node.begin(); it != node.end(); ++it)
                object.insert(jsonKey(it->first), json(it->second));
            return object;
        }
        const QString value = qs(node.Scalar());
        if (node.Tag() != "?")
            return value; // quoted or explicitly tagged: a string
        if (isYamlNull(value))
            return QJsonValue(QJsonValue::Null);
        if (const auto b = yaml11Bool(value))
            return *b;
        static const QRegularExpression number(
            QStringLiteral("^[-+]?([0-9][0-9_]*)?(\\.[0-9]*)?([eE][-+]?[0-9]+)?$"));
        if (value != QLatin1String(".") && number.match(value).hasMatch()) {
            bool ok = false;
            const double d = QString(value).remove(QLatin1Char('_')).toDouble(&ok);
            if (ok)
                return d;
        }
        return value;
    }

    // sigs.k8s.io/yaml turns a plain key that resolves to a boolean or null into its JSON text:
    // `n: 3` becomes {"false": 3}.
    QString jsonKey(const YAML::Node &key) const
    {
        const QString text = string(key, "key");
        if (key.Tag() != "?")
            return text;
        if (key.IsNull() || isYamlNull(text))
            return QStringLiteral("null");
        if (const auto b = yaml11Bool(text))
            return *b ? QStringLiteral("true") : QStringLiteral("false");
        return text;
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

struct FileContent
{
    QString currentContext;
    bool hasCurrentContext = false;
    QList<KubeconfigCluster> clusters;
    QList<KubeconfigUser> users;
    QList<KubeconfigContext> contexts;
    QList<NamedExtension> extensions;
    QJsonObject preferences;
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


Result<FileContent> decodeFile(const QString &path)
{
    auto root = readYaml(path);
    if (!root)
        return fail(root.error());
    FileContent content;
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

// ---- writing -------------------------------------------------------------------------------
// kubectl rewrites the whole file (comments are lost there too). We keep every field and the
// plain/quoted style of each scalar, so a value re-reads with the same type; new values are
// always double-quoted.

QString doubleQuoted(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString scalarText(const YAML::Node &node)
{
    if (!node || node.IsNull())
        return QStringLiteral("null");
    const QString value = qs(node.Scalar());
    static const QRegularExpression safePlain(
        QStringLiteral("^(~|[-+]?[0-9][0-9A-Za-z_.:+-]*|[A-Za-z0-9_./][A-Za-z0-9_./:+@=,~-]*)$"));
    if (node.Tag() == "?" && !value.endsWith(QLatin1Char(':')) && safePlain.match(value).hasMatch())
        return value;
    return doubleQuoted(value);
}

void writeBlock(QString &out, const YAML::Node &node, int indent);

void writeValue(QString &out, const YAML::Node &value, int indent)
{
    if (!value || value.IsNull() || value.IsScalar()) {
        out += QLatin1Char(' ') + scalarText(value) + QLatin1Char('\n');
    } else if (value.size() == 0) {
        out += value.IsMap() ? QStringLiteral(" {}\n") : QStringLiteral(" []\n");
    } else {
        out += QLatin1Char('\n');
        writeBlock(out, value, value.IsMap() ? indent + 2 : indent);
    }
}

void writeBlock(QString &out, const YAML::Node &node, int indent)
{
    const QString pad(indent, QLatin1Char(' '));
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            out += pad + scalarText(it->first) + QLatin1Char(':');
            writeValue(out, it->second, indent);
        }
        return;
    }
    for (const YAML::Node &item : node) {
        if (item.IsMap() && item.size() > 0) {
            QString inner;
            writeBlock(inner, item, indent + 2);
            out += pad + QStringLiteral("- ") + inner.mid(indent + 2);
        } else if (item.IsSequence() && item.size() > 0) {
            out += pad + QStringLiteral("-\n");
            writeBlock(out, item, indent + 2);
        } else {
            out += pad + QLatin1Char('-');
            writeValue(out, item, indent);
        }
    }
}

Result<YAML::Node> readForWrite(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        YAML::Node doc(YAML::NodeType::Map);
        doc["apiVersion"] = "v1";
        doc["kind"] = "Config";
        return doc;
    }
    auto doc = readYaml(path);
    if (!doc)
        return doc;
    if (!doc->IsDefined() || doc->IsNull())
        return YAML::Node(YAML::NodeType::Map);
    if (!doc->IsMap())
        return fail(Error::parse(path, 1, 1, QStringLiteral("kubeconfig: expected a mapping")));
    return doc;
}

Result<void> writeAtomically(const QString &path, const YAML::Node &doc)
{
    QString text;
    writeBlock(text, doc, 0);
    const QFileInfo info(path);
    if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath()))
        return fail(Error::io(path, QStringLiteral("cannot create the folder")));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Error::io(path, file.errorString()));
    const QByteArray bytes = text.toUtf8();
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
        auto content = decodeFile(file);
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
    auto doc = readForWrite(destination);
    if (!doc)
        return fail(doc.error());
    (*doc)["current-context"] = contextName.toStdString();
    if (auto written = writeAtomically(destination, *doc); !written)
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
    auto doc = readForWrite(destination);
    if (!doc)
        return fail(doc.error());

    YAML::Node contexts = (*doc)["contexts"];
    YAML::Node target;
    if (contexts.IsSequence()) {
        for (YAML::Node item : contexts) {
            if (item.IsMap() && item["name"] && item["name"].IsScalar()
                && qs(item["name"].Scalar()) == contextName)
                target = item;
        }
    }
    if (!target)
        return fail(Error::io(destination, QStringLiteral("context \"%1\" is no longer in this "
                                                          "file (it changed on disk); reload")
                                               .arg(contextName)));
    YAML::Node body = target["context"];
    if (!body.IsMap()) {
        target["context"] = YAML::Node(YAML::NodeType::Map);
        body = target["context"];
    }
    if (namespaceName.isEmpty())
        body.remove("namespace");
    else
        body["namespace"] = namespaceName.toStdString();
    if (auto written = writeAtomically(destination, *doc); !written)
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
    auto doc = readForWrite(destination);
    if (!doc)
        return fail(doc.error());
    YAML::Node target;
    YAML::Node users = (*doc)["users"];
    if (users.IsSequence()) {
        for (YAML::Node item : users) {
            if (item.IsMap() && item["name"] && item["name"].IsScalar()
                && qs(item["name"].Scalar()) == userName)
                target = item;
        }
    }
    if (!target || !target["user"].IsMap() || !target["user"]["auth-provider"].IsMap())
        return fail(Error::io(destination, QStringLiteral("user \"%1\" is no longer in this file "
                                                          "(it changed on disk); reload")
                                               .arg(userName)));
    YAML::Node provider = target["user"]["auth-provider"];
    YAML::Node map(YAML::NodeType::Map);
    for (auto it = config.cbegin(); it != config.cend(); ++it)
        map[it.key().toStdString()] = it.value().toStdString();
    provider["config"] = map;
    if (auto written = writeAtomically(destination, *doc); !written)
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
