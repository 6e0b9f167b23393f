// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "highlighter.h"

#include "yamlhighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextDocument>

#if QLUSTER_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace Qluster::Ui {

namespace {

#if QLUSTER_HAVE_KSYNTAXHIGHLIGHTING
// KSyntaxBackend owns the Repository its definition comes from. The repository is destroyed
// before the base class; that is safe because ~Repository detaches the definitions it loaded.
class KSyntaxBackend final : public KSyntaxHighlighting::SyntaxHighlighter
{
public:
    explicit KSyntaxBackend(QObject *parent)
        : KSyntaxHighlighting::SyntaxHighlighter(parent)
    {
    }

    bool load(Highlighter::Language language)
    {
        const KSyntaxHighlighting::Definition definition = m_repository.definitionForName(
            language == Highlighter::Language::Json ? QStringLiteral("JSON")
                                                    : QStringLiteral("YAML"));
        if (!definition.isValid())
            return false;
        setDefinition(definition);
        return true;
    }

    void applyPalette(const QPalette &palette)
    {
        // The codeeditor example's choice: a dark theme on a dark base colour.
        setTheme(m_repository.defaultTheme(palette.color(QPalette::Base).lightness() < 128
                ? KSyntaxHighlighting::Repository::DarkTheme
                : KSyntaxHighlighting::Repository::LightTheme));
        rehighlight();
    }

private:
    KSyntaxHighlighting::Repository m_repository;
};
#endif

} // namespace

QSyntaxHighlighter *Highlighter::create(
    QTextDocument *document, Language language, const QPalette &palette, QObject *parent)
{
    QObject *owner = parent ? parent : document;
#if QLUSTER_HAVE_KSYNTAXHIGHLIGHTING
    auto *backend = new KSyntaxBackend(owner);
    if (backend->load(language)) {
        backend->applyPalette(palette);
        backend->setDocument(document);
        return backend;
    }
    delete backend; // no definition installed: fall back to the built-in highlighter
#endif
    return new YamlHighlighter(document, language, palette, owner);
}

QSyntaxHighlighter *Highlighter::create(QTextDocument *document, Language language, QObject *parent)
{
    return create(document, language, QGuiApplication::palette(), parent);
}

void Highlighter::setPalette(QSyntaxHighlighter *highlighter, const QPalette &palette)
{
    if (auto *builtIn = qobject_cast<YamlHighlighter *>(highlighter)) {
        builtIn->setPalette(palette);
        return;
    }
#if QLUSTER_HAVE_KSYNTAXHIGHLIGHTING
    if (auto *backend = dynamic_cast<KSyntaxBackend *>(highlighter))
        backend->applyPalette(palette);
#endif
}

Highlighter::Backend Highlighter::backend()
{
#if QLUSTER_HAVE_KSYNTAXHIGHLIGHTING
    return Backend::KSyntaxHighlighting;
#else
    return Backend::BuiltIn;
#endif
}

QString Highlighter::backendName()
{
    return backend() == Backend::KSyntaxHighlighting ? QStringLiteral("KSyntaxHighlighting")
                                                     : QStringLiteral("built-in");
}

} // namespace Qluster::Ui
