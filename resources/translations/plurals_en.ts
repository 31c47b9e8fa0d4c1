<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="en">
  <context>
    <name>AccountHealthView</name>
    <message numerus="yes">
      <source>{date} (in %Ln day(s))</source>
      <translation>
        <numerusform>{date} (in %Ln day)</numerusform>
        <numerusform>{date} (in %Ln days)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CalendarArea</name>
    <message numerus="yes">
      <source>%Ln post(s) shown</source>
      <translation>
        <numerusform>%Ln post shown</numerusform>
        <numerusform>%Ln posts shown</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CalendarFiles</name>
    <message numerus="yes">
      <source>%Ln post(s) written to {path}.</source>
      <translation>
        <numerusform>%Ln post written to {path}.</numerusform>
        <numerusform>%Ln posts written to {path}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CalendarList</name>
    <message numerus="yes">
      <source>%Ln post(s) in the list</source>
      <translation>
        <numerusform>%Ln post in the list</numerusform>
        <numerusform>%Ln posts in the list</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ClientListModel</name>
    <message numerus="yes">
      <source>%Ln account(s) to check</source>
      <translation>
        <numerusform>%Ln account to check</numerusform>
        <numerusform>%Ln accounts to check</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln overdue</source>
      <translation>
        <numerusform>%Ln overdue</numerusform>
        <numerusform>%Ln overdue</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln unread</source>
      <translation>
        <numerusform>%Ln unread</numerusform>
        <numerusform>%Ln unread</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CompareDialog</name>
    <message numerus="yes">
      <source>Sections changed between version {a} and version {b}: %n.</source>
      <translation>
        <numerusform>Sections changed between version {a} and version {b}: %n.</numerusform>
        <numerusform>Sections changed between version {a} and version {b}: %n.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Escalation</name>
    <message numerus="yes">
      <source>%Ln escalation(s)</source>
      <translation>
        <numerusform>%Ln escalation</numerusform>
        <numerusform>%Ln escalations</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InboxArea</name>
    <message numerus="yes">
      <source>%Ln escalation(s) exported.</source>
      <translation>
        <numerusform>%Ln escalation exported.</numerusform>
        <numerusform>%Ln escalations exported.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln found</source>
      <translation>
        <numerusform>%Ln found</numerusform>
        <numerusform>%Ln found</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln message(s)</source>
      <translation>
        <numerusform>%Ln message</numerusform>
        <numerusform>%Ln messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln selected</source>
      <translation>
        <numerusform>%Ln selected</numerusform>
        <numerusform>%Ln selected</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Escalation(s) overdue (%Ln): remind {names}.</source>
      <translation>
        <numerusform>Escalation overdue (%Ln): remind {names}.</numerusform>
        <numerusform>Escalations overdue (%Ln): remind {names}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InboxImport</name>
    <message numerus="yes">
      <source>%Ln column(s) instead of {m}</source>
      <translation>
        <numerusform>%Ln column instead of {m}</numerusform>
        <numerusform>%Ln columns instead of {m}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ListeningArea</name>
    <message numerus="yes">
      <source>%Ln item(s) in 30 days, {p} % negative</source>
      <translation>
        <numerusform>%Ln item in 30 days, {p} % negative</numerusform>
        <numerusform>%Ln items in 30 days, {p} % negative</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln new item(s).</source>
      <translation>
        <numerusform>%Ln new item.</numerusform>
        <numerusform>%Ln new items.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MediaAlt</name>
    <message numerus="yes">
      <source>Accessibility: %Ln photo(s) or video(s) without a description (alt text): {names}</source>
      <translation>
        <numerusform>Accessibility: %Ln photo or video without a description (alt text): {names}</numerusform>
        <numerusform>Accessibility: %Ln photos or videos without a description (alt text): {names}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StatusDialog</name>
    <message numerus="yes">
      <source>Close %Ln message(s)</source>
      <translation>
        <numerusform>Close %Ln message</numerusform>
        <numerusform>Close %Ln messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Ignore %Ln message(s)</source>
      <translation>
        <numerusform>Ignore %Ln message</numerusform>
        <numerusform>Ignore %Ln messages</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StreamsDialog</name>
    <message numerus="yes">
      <source>%Ln stream(s) added, one per network.</source>
      <translation>
        <numerusform>%Ln stream added, one per network.</numerusform>
        <numerusform>%Ln streams added, one per network.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Sync</name>
    <message numerus="yes">
      <source>%n deleted status(es) skipped</source>
      <translation>
        <numerusform>%n deleted status skipped</numerusform>
        <numerusform>%n deleted statuses skipped</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SyncBar</name>
    <message numerus="yes">
      <source> (+%Ln other account(s))</source>
      <translation>
        <numerusform> (+%Ln other account)</numerusform>
        <numerusform> (+%Ln other accounts)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>WeekView</name>
    <message numerus="yes">
      <source>%Ln all-day post(s)</source>
      <translation>
        <numerusform>%Ln all-day post</numerusform>
        <numerusform>%Ln all-day posts</numerusform>
      </translation>
    </message>
  </context>
</TS>