<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl">
<context>
    <name>ClusterSession</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · Kubernetes %2 · %3</source>
        <translation>%1 · Kubernetes %2 · %3</translation>
    </message>
    <message>
        <source>(unknown version)</source>
        <translation>(nieznana wersja)</translation>
    </message>
    <message>
        <source>No context is open.</source>
        <translation>Żaden kontekst nie jest otwarty.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Qluster: a desktop explorer for Kubernetes clusters.</source>
        <translation>Qluster: przeglądarka klastrów Kubernetes na pulpit.</translation>
    </message>
    <message>
        <source>Read this kubeconfig file instead of KUBECONFIG or ~/.kube/config.</source>
        <translation>Czytaj ten plik kubeconfig zamiast KUBECONFIG lub ~/.kube/config.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>plik</translation>
    </message>
    <message>
        <source>Open this kubeconfig context instead of the current one.</source>
        <translation>Otwórz ten kontekst kubeconfig zamiast bieżącego.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nazwa</translation>
    </message>
    <message>
        <source>Show this namespace instead of the context&apos;s.</source>
        <translation>Pokaż tę przestrzeń nazw zamiast przestrzeni kontekstu.</translation>
    </message>
    <message>
        <source>Open the built-in sandbox cluster (no kubeconfig needed).</source>
        <translation>Otwórz wbudowany klaster piaskownicy (kubeconfig nie jest potrzebny).</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Pokaż tę pomoc i zakończ.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Pokaż wersję i zakończ.</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;; see --help.</source>
        <translation>Nieoczekiwany argument „%1”; zobacz --help.</translation>
    </message>
    <message>
        <source>--kubeconfig needs a file name.</source>
        <translation>--kubeconfig wymaga nazwy pliku.</translation>
    </message>
    <message>
        <source>--context needs a context name.</source>
        <translation>--context wymaga nazwy kontekstu.</translation>
    </message>
    <message>
        <source>--namespace &apos;%1&apos; is not a valid namespace name (lower-case letters, digits and &apos;-&apos;, at most 63 characters).</source>
        <translation>--namespace „%1” nie jest poprawną nazwą przestrzeni nazw (małe litery, cyfry i „-”, najwyżej 63 znaki).</translation>
    </message>
    <message>
        <source>--demo opens the built-in sandbox; it cannot be combined with --kubeconfig.</source>
        <translation>--demo otwiera wbudowaną piaskownicę; nie można go łączyć z --kubeconfig.</translation>
    </message>
</context>
<context>
    <name>Qluster::ResourceCache</name>
    <message>
        <source>the watch was silent for %1 s (a lost connection?); watching again from resourceVersion %2</source>
        <translation>obserwacja milczała przez %1 s (utracone połączenie?); ponowna obserwacja od resourceVersion %2</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::AboutDialog</name>
    <message>
        <source>not available</source>
        <translation>niedostępne</translation>
    </message>
    <message>
        <source>Qluster %1</source>
        <translation>Qluster %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (zbudowany z %2)</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>System: %1 (%2)</source>
        <translation>System: %1 (%2)</translation>
    </message>
    <message>
        <source>About Qluster</source>
        <translation>O programie Qluster</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Qluster&lt;/h2&gt;&lt;p&gt;A native desktop explorer for Kubernetes clusters.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Qluster&lt;/h2&gt;&lt;p&gt;Natywna przeglądarka klastrów Kubernetes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiuj</translation>
    </message>
    <message>
        <source>Syntax highlighting: %1</source>
        <translation>Podświetlanie składni: %1</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::ContextListModel</name>
    <message>
        <source>(none)</source>
        <translation>(brak)</translation>
    </message>
    <message>
        <source>Cluster: %1
User: %2
Namespace: %3
Server: %4</source>
        <translation>Klaster: %1
Użytkownik: %2
Przestrzeń nazw: %3
Serwer: %4</translation>
    </message>
    <message>
        <source>default (not set)</source>
        <translation>default (nieustawiona)</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::MainWindow</name>
    <message>
        <source>Qluster</source>
        <translation>Qluster</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <source>&amp;About Qluster</source>
        <translation>&amp;O programie Qluster</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>O &amp;Qt</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Klaster</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontekst:</translation>
    </message>
    <message>
        <source>No kubeconfig contexts</source>
        <translation>Brak kontekstów kubeconfig</translation>
    </message>
    <message>
        <source>The kubeconfig context to explore</source>
        <translation>Kontekst kubeconfig do przeglądania</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Przestrzeń nazw:</translation>
    </message>
    <message>
        <source>Pick a namespace, or type one and press Enter</source>
        <translation>Wybierz przestrzeń nazw albo wpisz ją i naciśnij Enter</translation>
    </message>
    <message>
        <source>You may not list namespaces in this cluster: type one and press Enter</source>
        <translation>Nie możesz wyświetlać przestrzeni nazw w tym klastrze: wpisz jedną i naciśnij Enter</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Wszystkie przestrzenie nazw</translation>
    </message>
    <message>
        <source>Filter kinds (name, short name, group)</source>
        <translation>Filtruj rodzaje (nazwa, skrót, grupa)</translation>
    </message>
    <message>
        <source>No resource selected</source>
        <translation>Nie wybrano zasobu</translation>
    </message>
    <message>
        <source>Pick a context in the toolbar, then choose a kind such as Pods in the tree on the left to list its objects here. No cluster? Start Qluster with --demo.</source>
        <translation>Wybierz kontekst na pasku narzędzi, a potem rodzaj, np. Pods, w drzewie po lewej, aby zobaczyć tu jego obiekty. Nie masz klastra? Uruchom Qluster z --demo.</translation>
    </message>
    <message>
        <source>Select an object in the table to see it here.</source>
        <translation>Wybierz obiekt w tabeli, aby go tu zobaczyć.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nic nie wybrano</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Przegląd</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid namespace name: use lower-case letters, digits and &apos;-&apos;.</source>
        <translation>„%1” nie jest poprawną nazwą przestrzeni nazw: użyj małych liter, cyfr i „-”.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Brak połączenia</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Łączenie z %1…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Połączono: %1</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Błąd połączenia: %1</translation>
    </message>
    <message>
        <source>No cluster</source>
        <translation>Brak klastra</translation>
    </message>
    <message>
        <source>Choose a context in the toolbar: its resource kinds appear here.</source>
        <translation>Wybierz kontekst na pasku narzędzi: jego rodzaje zasobów pojawią się tutaj.</translation>
    </message>
    <message>
        <source>⚠ TLS verification is off for this cluster (insecure-skip-tls-verify)</source>
        <translation>⚠ Weryfikacja TLS jest wyłączona dla tego klastra (insecure-skip-tls-verify)</translation>
    </message>
    <message>
        <source>⚠ The connection to this cluster is not encrypted (plain http)</source>
        <translation>⚠ Połączenie z tym klastrem nie jest szyfrowane (zwykły http)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Łączenie…</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>Nie można połączyć</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Ponów</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Połączono</translation>
    </message>
    <message>
        <source>Reading the cluster&apos;s API resources…</source>
        <translation>Odczytywanie zasobów API klastra…</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>Filtruj wiersze</translation>
    </message>
    <message>
        <source>Label selector, e.g. app=web,tier notin (db)</source>
        <translation>Selektor etykiet, np. app=web,tier notin (db)</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Klaster</translation>
    </message>
    <message>
        <source>Make This &amp;kubectl&apos;s Current Context</source>
        <translation>Ustaw jako bieżący kontekst &amp;kubectl</translation>
    </message>
    <message>
        <source>Write the shown context into the kubeconfig as current-context, as `kubectl config use-context` does</source>
        <translation>Zapisz pokazany kontekst w kubeconfig jako current-context, tak jak `kubectl config use-context`</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::ObjectOverview</name>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>Wersja API</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Przestrzeń nazw</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Utworzono</translation>
    </message>
    <message>
        <source>Resource version</source>
        <translation>Wersja zasobu</translation>
    </message>
    <message>
        <source>Deleting since</source>
        <translation>Usuwany od</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etykiety</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Adnotacje</translation>
    </message>
    <message>
        <source>Owner references</source>
        <translation>Właściciele</translation>
    </message>
    <message>
        <source>controller</source>
        <translation>kontroler</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Warunki</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Komunikat</translation>
    </message>
    <message>
        <source>Last transition</source>
        <translation>Ostatnia zmiana</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::ResourceBrowser</name>
    <message>
        <source>Select an object in the table to see it here.</source>
        <translation>Wybierz obiekt w tabeli, aby go tu zobaczyć.</translation>
    </message>
    <message>
        <source>Listing %1…</source>
        <translation>Pobieranie listy %1…</translation>
    </message>
    <message>
        <source>Reconnecting to %1: %2</source>
        <translation>Ponowne łączenie z %1: %2</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Wczytywanie %1…</translation>
    </message>
    <message>
        <source>The server does not serve %1 in %2: the owner cannot be shown.</source>
        <translation>Serwer nie udostępnia %1 w %2: nie można pokazać właściciela.</translation>
    </message>
    <message>
        <source>Show Secret Values</source>
        <translation>Pokaż wartości sekretu</translation>
    </message>
    <message>
        <source>This Secret&apos;s data is hidden; show it in this view</source>
        <translation>Dane tego sekretu są ukryte; pokaż je w tym widoku</translation>
    </message>
    <message>
        <source>in any namespace</source>
        <translation>w żadnej przestrzeni nazw</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>w %1</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Brak uprawnień</translation>
    </message>
    <message>
        <source>You may not list %1 %2. The server said: %3</source>
        <translation>Nie możesz wyświetlić listy %1 %2. Serwer odpowiedział: %3</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::ResourceTableModel</name>
    <message>
        <source>Namespace</source>
        <translation>Przestrzeń nazw</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Wiek</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::ResourceTreeModel</name>
    <message>
        <source>Workloads</source>
        <translation>Obciążenia</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Sieć</translation>
    </message>
    <message>
        <source>Config &amp; Storage</source>
        <translation>Konfiguracja i magazyn</translation>
    </message>
    <message>
        <source>Access Control</source>
        <translation>Kontrola dostępu</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Klaster</translation>
    </message>
    <message>
        <source>Custom Resources</source>
        <translation>Zasoby niestandardowe</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1 (nieaktualne)</translation>
    </message>
    <message>
        <source>Short names: %1</source>
        <translation>Skróty: %1</translation>
    </message>
    <message>
        <source>Namespaced</source>
        <translation>W przestrzeni nazw</translation>
    </message>
    <message>
        <source>Cluster-scoped</source>
        <translation>Dla całego klastra</translation>
    </message>
    <message>
        <source>Discovery marks this group-version stale: its server did not answer.</source>
        <translation>Wykrywanie oznacza tę grupę-wersję jako nieaktualną: jej serwer nie odpowiedział.</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::SessionController</name>
    <message>
        <source>You may not list namespaces in this cluster: type the one you want.</source>
        <translation>Nie możesz wyświetlić przestrzeni nazw tego klastra: wpisz tę, której potrzebujesz.</translation>
    </message>
    <message>
        <source>No contexts in %1. Add a cluster with kubectl, or start Qluster with --demo to explore the built-in sandbox cluster.</source>
        <translation>Brak kontekstów w %1. Dodaj klaster za pomocą kubectl albo uruchom Qluster z --demo, aby poznać wbudowany klaster piaskownicy.</translation>
    </message>
    <message>
        <source>Reading the API resources failed: %1</source>
        <translation>Odczyt zasobów API nie powiódł się: %1</translation>
    </message>
    <message>
        <source>Could not make %1 kubectl&apos;s current context: %2</source>
        <translation>Nie udało się ustawić %1 jako bieżącego kontekstu kubectl: %2</translation>
    </message>
    <message>
        <source>kubectl&apos;s current context is now %1.</source>
        <translation>Bieżący kontekst kubectl to teraz %1.</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::YamlEditor</name>
    <message>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Ostrzeżenie</translation>
    </message>
    <message>
        <source>%1 at column %2: %3</source>
        <translation>%1 w kolumnie %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
</TS>
