/**
 * Seed content for the blog post "Sora: Vom Text zum Film" (21 Feb 2024).
 *
 * Why everything here is paraphrased: the product must not copy the article's text. Each section therefore
 * carries only a short summary of one paragraph, written in our own words in German and English (no sentences
 * taken over or closely translated), and the debates are open questions the article raises, framed neutrally.
 * Data only: no functions, no imports.
 */

/** Bilingual text: every string shown to people exists in German and English. */
export interface LocalizedText {
  de: string;
  en: string;
}

export interface SeedSection {
  /** stable key, used by debates to anchor themselves; kebab-case */
  key: string;
  /** a summary of the paragraph in OUR OWN words (2-3 sentences), never the article's sentences */
  summary: LocalizedText;
}

export interface SeedDebate {
  /** stable key: the seed is idempotent by (article, key) */
  key: string;
  /** an open question, ends with "?", <= 200 chars */
  question: LocalizedText;
  /** 2-4 sentences framing both sides, neutral */
  description: LocalizedText;
  /** one or more SeedSection keys it is anchored to */
  sectionKeys: string[];
}

export interface SeedArticle {
  slug: string;
  /** the article's title as published */
  title: string;
  /** a short human description of where it was published */
  source: string;
  /** ISO date */
  publishedAt: string;
  language: 'de';
  /** in paragraph order */
  sections: SeedSection[];
  debates: SeedDebate[];
}

export const SORA_ARTICLE: SeedArticle = {
  slug: 'sora-vom-text-zum-film',
  title: 'Sora: Vom Text zum Film',
  source: 'German-language tech blog post',
  publishedAt: '2024-02-21',
  language: 'de',
  sections: [
    {
      key: 'milestone',
      summary: {
        de: 'Mit Sora hat OpenAI ein Modell vorgestellt, das aus einer schriftlichen Beschreibung Videoclips erzeugt. Der Beitrag sieht darin einen großen Sprung der generativen KI. Er fragt, was das für Medien, kreative Arbeit und den Umlauf von Nachrichten und Wissen bedeutet.',
        en: 'With Sora, OpenAI has unveiled a model that turns a written prompt into video clips. The post sees this as a major leap for generative AI. It asks what that means for the media, for creative work and for how news and knowledge circulate.',
      },
    },
    {
      key: 'technology',
      summary: {
        de: 'Sora setzt die Linie des Bildgenerators DALL-E 3 fort und bringt Bewegung ins Spiel. Ein Diffusionsverfahren mit Transformer entwirft den Clip zuerst in einer verdichteten Zwischenform und wandelt ihn danach in sichtbare Einzelbilder um. Gelernt hat das Modell aus großen Mengen frei zugänglicher und lizenzierter Videos.',
        en: 'Sora continues the line of the image generator DALL-E 3 and adds motion. A diffusion process paired with a transformer drafts each clip in a compressed intermediate form and only then turns it into visible frames. The model learned from large amounts of freely accessible and licensed footage.',
      },
    },
    {
      key: 'creative-potential',
      summary: {
        de: 'Die gezeigten Clips reichen von verspielten Fantasieszenen bis zu fotorealistischen Aufnahmen. Der Beitrag erwartet, dass sich Videos so rascher, billiger und vielfältiger herstellen lassen. Auch für Schule, Weiterbildung und Unterhaltung sieht er Nutzen, etwa um schwierige Zusammenhänge zu veranschaulichen oder Vergangenes und Kommendes nachzustellen.',
        en: 'The clips shown range from playful fantasy to photorealistic footage. The post expects video to become quicker, cheaper and more varied to produce this way. It also sees uses in schools, workplace training and entertainment, for example to illustrate hard ideas or to re-stage past and future events.',
      },
    },
    {
      key: 'ethics-and-safety',
      summary: {
        de: 'Zugleich warnt der Beitrag vor Falschmeldungen, verfälschtem Bildmaterial und Inhalten, die Echtheit nur vortäuschen, und verlangt feste Regeln und wirksame Kontrollen. OpenAI schränkt zwar sexuelle, gewalttätige und hasserfüllte Darstellungen sowie Bilder bekannter Persönlichkeiten ein. Ob diese Grenzen tatsächlich greifen und sich durchsetzen lassen, hält der Autor jedoch für offen.',
        en: 'At the same time the post warns of false reports, doctored footage and content that only pretends to be genuine, and calls for firm rules and real oversight. OpenAI does restrict sexual, violent and hateful imagery as well as depictions of famous people. Whether those limits actually work and can be enforced, the author considers an open question.',
      },
    },
  ],
  debates: [
    {
      key: 'election-disinformation',
      question: {
        de: 'Gefährdet Sora Wahlen, weil sich täuschend echte Desinformation damit leicht herstellen lässt?',
        en: 'Does Sora put elections at risk by making convincing disinformation easy to produce?',
      },
      description: {
        de: 'Gefälschte Clips von Kandidierenden könnten sich kurz vor einer Abstimmung schneller verbreiten, als Faktenchecks sie widerlegen. Dagegen steht, dass schon grob bearbeitete Videos heute wirken und dass Medienkompetenz, Plattformregeln und Sperren für politische Inhalte mehr bewirken als der Verzicht auf das Werkzeug.',
        en: 'Fake clips of candidates could spread faster in the days before a vote than fact-checkers can debunk them. Against this: crudely edited videos already work today, and media literacy, platform rules and limits on political content may achieve more than holding the tool back.',
      },
      sectionKeys: ['ethics-and-safety', 'milestone'],
    },
    {
      key: 'video-as-evidence',
      question: {
        de: 'Kann Video im Journalismus und vor Gericht noch als Beweis gelten?',
        en: 'Can video still count as evidence in journalism and in court?',
      },
      description: {
        de: 'Wenn sich jede beliebige Szene erzeugen lässt, verliert Bildmaterial an Beweiskraft, und wer belastet wird, kann echte Aufnahmen als Fälschung abtun. Andere verweisen auf Forensik, Zeugenaussagen und lückenlos dokumentierte Herkunft, mit denen Video weiterhin glaubwürdig bleiben kann.',
        en: 'If any scene can be generated, footage loses weight as proof, and anyone it incriminates can dismiss real recordings as fakes. Others point to forensics, witness testimony and a fully documented chain of custody, which can keep video credible.',
      },
      sectionKeys: ['ethics-and-safety', 'creative-potential'],
    },
    {
      key: 'labels-and-provenance',
      question: {
        de: 'Lassen sich Kennzeichnungen, Wasserzeichen oder Herkunftsdaten (C2PA) für KI-Videos wirksam durchsetzen?',
        en: 'Can labels, watermarks or provenance metadata (C2PA) for AI video be effectively enforced?',
      },
      description: {
        de: 'Signierte Herkunftsdaten und unsichtbare Wasserzeichen sollen zeigen, wie ein Clip entstanden ist, und könnten Plattformen eine automatische Kennzeichnung ermöglichen. Kritiker wenden ein, dass Metadaten beim erneuten Hochladen oder per Bildschirmaufnahme verloren gehen, Wasserzeichen sich entfernen lassen und Anbieter außerhalb solcher Standards gar nicht mitmachen.',
        en: 'Signed provenance data and invisible watermarks are meant to show how a clip was made and could let platforms label it automatically. Critics object that metadata is lost on re-upload or through screen recording, watermarks can be stripped, and providers outside such standards simply do not take part.',
      },
      sectionKeys: ['ethics-and-safety'],
    },
    {
      key: 'content-restrictions',
      question: {
        de: 'Sind die Verbote sexueller, gewalttätiger und hasserfüllter Inhalte sowie von Darstellungen Prominenter wirksam und durchsetzbar?',
        en: 'Are the bans on sexual, violent and hateful content and on depictions of celebrities effective and enforceable?',
      },
      description: {
        de: 'Filter für Eingaben und fertige Videos halten offensichtlichen Missbrauch auf und setzen eine klare Norm. Doch geschickte Umschreibungen schlüpfen hindurch, Grenzfälle wie Satire oder Nachrichtenbilder sind schwer zu beurteilen, und andere Anbieter wenden womöglich lockerere Regeln an.',
        en: 'Filters on prompts and finished videos stop obvious abuse and set a clear norm. Yet clever rephrasing slips through, borderline cases such as satire or news imagery are hard to judge, and other providers may apply looser rules.',
      },
      sectionKeys: ['ethics-and-safety'],
    },
    {
      key: 'training-data-consent',
      question: {
        de: 'Darf ein Modell ohne Zustimmung der Urheber mit öffentlich zugänglichen Videos trainiert werden, oder braucht es Einwilligung und Vergütung?',
        en: 'May a model be trained on publicly available videos without their creators’ consent, or does it need permission and payment?',
      },
      description: {
        de: 'Wer Videos ins Netz stellt, hat selten zugestimmt, dass ein Modell daraus lernt, und wird am Ertrag nicht beteiligt; das Urheberrecht gibt darauf bisher keine eindeutige Antwort. Die Gegenseite hält Lernen aus sichtbaren Werken für zulässig, solange keine Kopien ausgegeben werden, und verweist auf bestehende Lizenzverträge und Widerspruchsmöglichkeiten.',
        en: 'People who post videos online have rarely agreed to a model learning from them and get no share of the returns; copyright law has so far given no clear answer. The other side holds that learning from visible works is legitimate as long as no copies come out, and points to existing licensing deals and opt-out options.',
      },
      sectionKeys: ['technology'],
    },
    {
      key: 'creative-jobs',
      question: {
        de: 'Stärkt Sora kreative Arbeit, oder verdrängt es Filmschaffende und Animationsteams?',
        en: 'Does Sora empower creative work, or does it displace filmmakers and animation teams?',
      },
      description: {
        de: 'Kleine Teams und Einzelne könnten Ideen umsetzen, die bisher am Budget scheiterten, und neue Ausdrucksformen finden. Zugleich drohen Aufträge für Stock-Material, Werbefilme und Animation wegzubrechen oder im Preis zu verfallen, und offen ist, wer am Ende von der Automatisierung profitiert.',
        en: 'Small teams and individuals could realise ideas that used to fail on budget and find new forms of expression. At the same time, commissions for stock footage, commercials and animation may dry up or lose value, and it is unclear who ultimately profits from the automation.',
      },
      sectionKeys: ['creative-potential', 'milestone'],
    },
    {
      key: 'simulated-history',
      question: {
        de: 'Nachgestellte Geschichte im Unterricht: Lernhilfe oder erfundene Vergangenheit?',
        en: 'Simulated history in the classroom: a learning aid or a fabricated past?',
      },
      description: {
        de: 'Lebendige Szenen können Schülerinnen und Schülern Epochen näherbringen, die sonst abstrakt bleiben, und Neugier auf Quellen wecken. Doch erzeugte Bilder wirken wie Dokumente, auch wenn Details erfunden sind, und könnten sich im Gedächtnis stärker festsetzen als echte Quellen.',
        en: 'Vivid scenes can bring periods to life for students that would otherwise stay abstract, and spark curiosity about sources. But generated images look like documents even when details are invented, and may stick in memory more firmly than genuine sources.',
      },
      sectionKeys: ['creative-potential'],
    },
    {
      key: 'responsibility-for-fakes',
      question: {
        de: 'Wer trägt die Verantwortung, wenn sich eine Fälschung verbreitet: Hersteller, Plattform oder Nutzer?',
        en: 'Who is responsible when a fake spreads: the maker, the platform or the user?',
      },
      description: {
        de: 'Modellanbieter bestimmen, was überhaupt erzeugt werden kann, Plattformen entscheiden über Reichweite, und Nutzerinnen und Nutzer erstellen und teilen die Clips. Für eine Haftung der Anbieter spricht, dass sie Schutzmaßnahmen am wirksamsten einbauen können; dagegen, dass sie nicht jede Verwendung vorhersehen können. Umstritten ist auch, ob geteilte Verantwortung am Ende heißt, dass niemand einsteht.',
        en: 'Model makers decide what can be generated at all, platforms decide what gets reach, and users create and share the clips. In favour of holding providers liable: they are best placed to build in safeguards; against: they cannot foresee every use. It is also disputed whether shared responsibility ends up meaning nobody answers for it.',
      },
      sectionKeys: ['ethics-and-safety'],
    },
    {
      key: 'public-release',
      question: {
        de: 'Sollten solche Modelle überhaupt für die Allgemeinheit freigegeben werden?',
        en: 'Should models like this be released to the public at all?',
      },
      description: {
        de: 'Ein offener Zugang verteilt kreative Möglichkeiten breit, verhindert, dass nur wenige Konzerne die Technik kontrollieren, und erlaubt unabhängige Prüfung. Eine zurückhaltende, gestufte Freigabe könnte dagegen Zeit für Schutzmaßnahmen und Regulierung schaffen, bevor Missbrauch im großen Stil möglich wird.',
        en: 'Open access spreads creative possibilities widely, keeps the technology from being controlled by a few companies and allows independent scrutiny. A cautious, staged release could instead buy time for safeguards and regulation before abuse at scale becomes possible.',
      },
      sectionKeys: ['milestone', 'ethics-and-safety'],
    },
    {
      key: 'detection-arms-race',
      question: {
        de: 'Können Erkennungswerkzeuge mit immer besseren KI-Videos Schritt halten?',
        en: 'Can detection tools keep up with ever better AI video?',
      },
      description: {
        de: 'Detektoren suchen nach Spuren, die Generatoren hinterlassen, und helfen Redaktionen und Plattformen bei der Prüfung. Jede Verbesserung der Generatoren kann diese Spuren jedoch tilgen, sodass die Erkennung dauerhaft hinterherläuft und Fehlalarme ihrerseits Vertrauen kosten.',
        en: 'Detectors look for traces that generators leave behind and help newsrooms and platforms check material. Every improvement in generation can erase those traces, however, so detection may always lag behind, and false alarms cost trust in their own right.',
      },
      sectionKeys: ['technology', 'ethics-and-safety'],
    },
    {
      key: 'personal-likeness',
      question: {
        de: 'Brauchen auch Privatpersonen einen besonderen Schutz ihres Abbilds vor KI-Videos?',
        en: 'Do ordinary people need special protection of their likeness from AI video?',
      },
      description: {
        de: 'Die Beschränkungen zielen auf Prominente, doch gefälschte Clips von Mitschülern, Kolleginnen oder früheren Partnern können ebenso großen Schaden anrichten. Strengere Regeln wie eine Pflicht zur Einwilligung könnten aber auch Satire, Kunst und harmlose Alltagsnutzung treffen und wären gegenüber Unbekannten kaum zu überprüfen.',
        en: 'The restrictions target celebrities, yet fake clips of classmates, colleagues or former partners can do just as much harm. Stricter rules such as mandatory consent, however, could also hit satire, art and harmless everyday use, and would be hard to check for people nobody knows.',
      },
      sectionKeys: ['ethics-and-safety'],
    },
  ],
};
