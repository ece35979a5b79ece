//! The command line's help in Swedish. clap's derive takes the English from the doc
//! comments in `cli.rs`; this table gives every command and argument its Swedish text,
//! and a test makes sure nothing is left out.

use clap::Command;

/// Swedish help, keyed by the command's path and the argument's id: `""` is the command
/// itself, `"@after"` its closing text, and `"check set"` the `--set` flag of `iop check`.
const SV: &[(&str, &str)] = &[
    (
        "",
        "Vilken form ska ett samarbete mellan en kommun och en idéburen organisation ha: \
         idéburet offentligt partnerskap (IOP), föreningsbidrag eller upphandling? iop prövar \
         svaren på kommunernas checklistor och ger bedömningen med skäl och källor.",
    ),
    (
        "@after",
        "Slutkoder:\n  0  en bedömning gavs (vilken den än är)\n  1  en bedömning skiljer sig från --expect\n  \
         2  fel i kommandot eller i en fil: filen kunde inte läsas eller är ogiltig",
    ),
    (
        "lang",
        "Språk i utskriften: sv eller en [standard: från LC_ALL, LC_MESSAGES eller LANG, annars systemets språk; sv* ger svenska]",
    ),
    (
        "color",
        "När utskriften ska färgas: auto (standard: stdout och stderr var för sig, bara i en terminal; NO_COLOR, CLICOLOR=0, TERM=dumb och CLICOLOR_FORCE följs), always eller never",
    ),
    (
        "criteria",
        "En kriteriefil eller en mapp med sådana: lägger till uppsättningar eller ersätter en inbyggd med samma id [kan upprepas]",
    ),
    ("help", "Visa hjälp"),
    ("version", "Visa versionen"),
    (
        "check",
        "Pröva ett ärendes svar mot en kriterieuppsättning eller alla; utan FIL ställs frågorna",
    ),
    (
        "check @after",
        "Exempel:\n  iop check examples/ungdomsbussen-vasteras.toml          alla uppsättningar, bedömningen först\n  \
         iop check examples/falun-roda-korset.toml --set falun   en uppsättning, med varje källa\n  \
         iop check --set falun --save mitt-arende.toml           besvara Falu kommuns checklista\n  \
         iop check mitt-arende.toml -i --save mitt-arende.toml   fortsätt där du slutade\n\n\
         I frågestunden svarar du j/ja/y/yes, n/nej/no eller v/vet ej/u/unknown; ? visar hjälp och \
         källa, b går tillbaka och q slutar (svaren behålls och bedömningen visas). Den rättsliga \
         prövningens frågor kommer först, sedan den fråga som avgör mest, och frågorna slutar när \
         bedömningen är klar; --all-questions ställer alla. Frågorna skrivs till stderr, resultatet \
         till stdout.\n\n\
         Slutkoder:\n  0  en bedömning gavs (vilken den än är)\n  1  en bedömning skiljer sig från --expect\n  \
         2  fel i kommandot eller i en fil, eller indata tog slut före sista frågan",
    ),
    (
        "check file",
        "Svarsfilen (TOML med [case], [answers], [notes] och [expect]), eller - för att läsa den från standard in; utan den ställs frågorna",
    ),
    (
        "check interactive",
        "Ställ de frågor som filen lämnar öppna (obesvarade eller \"unknown\"), en i taget",
    ),
    (
        "check save",
        "Spara varje svar i FIL när det ges (innebär --interactive); en befintlig svarsfil behåller sina kommentarer och tabeller",
    ),
    (
        "check all_questions",
        "Ställ alla frågor i kontraktets ordning, i stället för att sluta när bedömningen är klar",
    ),
    (
        "check set",
        "Kriterieuppsättningen att pröva mot, flera åtskilda med komma, eller `all` [standard: ärendets `[case] set`, annars alla]",
    ),
    (
        "check format",
        "Utskriftens format: text (standard: bedömningen först, sedan varför), json (för skript), markdown (ett beslutsunderlag), html (beslutsunderlaget som en fristående sida som kan skrivas ut på A4) eller docx (beslutsunderlaget som Word-dokument; kräver -o)",
    ),
    (
        "check output",
        "Skriv resultatet till FIL i stället för till stdout (helt eller inte alls; aldrig över en befintlig fil utan --force)",
    ),
    (
        "check force",
        "Skriv över filen i -o om den finns; med --save, spara i en befintlig svarsfil även om den gäller ett annat ärende",
    ),
    (
        "check expect",
        "Avsluta med kod 1 om inte varje prövad uppsättning ger denna bedömning: iop, association-grant, procurement eller undetermined (eller på svenska: upphandling, föreningsbidrag, kan-inte-avgöras)",
    ),
    (
        "test",
        "Pröva varje ärendefil med en [expect]-tabell och visa de ärenden vars bedömning avviker (för CI)",
    ),
    (
        "test @after",
        "Varje ärendefil med en [expect]-tabell är ett test; det går igenom när varje uppsättning \
         som tabellen nämner ger den förväntade bedömningen. Filer utan [expect] hoppas över. \
         Textutskriften slutar med en rad av den fasta formen `N passed, N failed, N skipped`; \
         en fil som inte kan läsas räknas som underkänd.\n\n\
         Slutkoder:\n  0  alla ärenden gick igenom\n  1  ett ärende gick inte igenom\n  \
         2  en fil kunde inte läsas eller är ogiltig (övriga filer prövas och räknas ändå)",
    ),
    (
        "test paths",
        "Ärendefiler, eller mappar där *.toml söks rekursivt [standard: examples]",
    ),
    (
        "test format",
        "Utskriftens format: text (standard), json, junit (JUnit-XML, ett testfall per fil) eller github (anteckningar i GitHub Actions)",
    ),
    (
        "init",
        "Skriv en svarsfil att fylla i: varje fråga i uppsättningen som \"unknown\", med formulering och källa",
    ),
    (
        "init set",
        "Uppsättningen vars frågor ska ställas, flera åtskilda med komma, eller `all` (standard) för alla frågor i alla uppsättningar",
    ),
    (
        "init output",
        "Skriv mallen till FIL i stället för till stdout",
    ),
    ("init force", "Skriv över FIL om den finns"),
    (
        "agreement",
        "Skriv ett utkast till IOP-överenskommelse (Markdown eller Word) för ett ärende vars bedömning är IOP",
    ),
    (
        "agreement @after",
        "Utkastet har de tolv avsnitt som Jönköpings kommuns IOP-policy kräver av ett IOP-avtal, de punkter \
         som Borås Stad och Uddevalla kommun kräver, och de klausuler ett kommunalt avtal har utöver dem \
         (parter, beslut, redovisning och återbetalning, insyn, personuppgifter, tystnadsplikt, försäkringar, \
         uppsägning, tvister, ändringar, underskrifter): mallen är criteria/agreement.toml och kan ersättas med \
         --criteria. Det fylls i från ärendet ([case]) och från de uppfyllda kriterierna, skrivna som parternas \
         åtaganden, med [Fyll i: …] där ärendet inte säger något. Utkastet är en början på juristens arbete, \
         inte ett färdigt avtal.\n\n\
         Uppsättningen är --set, annars ärendets `[case] set`; en av dem måste ange en enda uppsättning.\n\n\
         Exempel:\n  iop agreement mitt-arende.toml --set jonkoping               utkastet till stdout\n  \
         iop agreement mitt-arende.toml -s falun -o overenskommelse.md  till en fil\n  \
         iop agreement mitt-arende.toml -f docx -o overenskommelse.docx  som Word-dokument\n\n\
         Slutkoder:\n  0  utkastet skrevs\n  1  bedömningen är inte IOP: skälen står på stderr och inget skrivs \
         (se --force)\n  2  fel i kommandot eller i en fil, eller FIL finns och --force angavs inte",
    ),
    (
        "agreement file",
        "Svarsfilen (TOML med [case], [answers] och [notes]), eller - för att läsa den från standard in",
    ),
    (
        "agreement set",
        "Kriterieuppsättningen vars bedömning ska vara IOP [standard: ärendets `[case] set`, annars den uppsättning som gäller för ärendets offentliga part]",
    ),
    (
        "agreement output",
        "Skriv utkastet till FIL i stället för till stdout",
    ),
    (
        "agreement format",
        "Utkastets format: markdown (standard) eller docx (ett Word-dokument; kräver -o)",
    ),
    (
        "agreement force",
        "Skriv utkastet även när bedömningen inte är IOP (med en varning överst), och skriv över FIL om den finns",
    ),
    (
        "validate",
        "Granska kriteriefiler och redovisa varje fel med fil och rad; utan SÖKVÄG de inbyggda kriterierna",
    ),
    (
        "validate @after",
        "Filerna granskas så som --criteria läser in dem, tillsammans med de inbyggda: en uppsättning mot \
         den frågebank som gäller, en frågebank mot de uppsättningar som använder den. Alla fel i alla \
         filer redovisas på en gång, med fil och rad: okända nycklar och frågor (med förslag), en fråga som \
         används två gånger, formulering, stöd eller källa som saknas på svenska eller engelska, ogiltiga \
         id och vägar, två filer med samma uppsättnings-id. Varningar: en uppsättning som ersätter den \
         inbyggda med samma id, och en fråga i frågebanken som ingen uppsättning använder. Resultatet \
         skrivs till stdout och avslutas med antalet filer, fel och varningar.\n\n\
         Slutkoder:\n  0  inga fel (enbart varningar underkänner inte)\n  1  en fil har fel\n  \
         2  en fil kunde inte läsas eller är inte giltig TOML",
    ),
    (
        "validate paths",
        "Kriteriefiler eller mappar med sådana [standard: de inbyggda kriterierna]",
    ),
    (
        "completions",
        "Skriv ut ett skript för kommandokomplettering i ett skal",
    ),
    (
        "completions @after",
        "Installera till exempel så här:\n  \
         bash        iop completions bash > ~/.local/share/bash-completion/completions/iop\n  \
         zsh         iop completions zsh > ~/.zfunc/_iop   (med fpath+=~/.zfunc i ~/.zshrc)\n  \
         fish        iop completions fish > ~/.config/fish/completions/iop.fish\n  \
         powershell  iop completions powershell >> $PROFILE\n  \
         elvish      iop completions elvish >> ~/.config/elvish/rc.elv",
    ),
    (
        "completions shell",
        "Skalet: bash, zsh, fish, powershell eller elvish",
    ),
    ("man", "Skriv ut manualsidan (roff), för `man`"),
    (
        "man @after",
        "Installera till exempel så här:\n  mkdir -p ~/.local/share/man/man1 && iop man > ~/.local/share/man/man1/iop.1\n\
         och läs den sedan med `man iop`.",
    ),
    (
        "sets",
        "Lista kriterieuppsättningarna: id, namn, sort, antal kriterier, utgivare och källa",
    ),
    (
        "sets format",
        "Utskriftens format: text (en tabell) eller json (för skript: id, namn, sort, utgivare, dokument, datum, adress, antal kriterier)",
    ),
    (
        "show",
        "Visa en uppsättnings kriterier med formulering, stöd och källa, eller utan UPPSÄTTNING frågebanken",
    ),
    ("show set", "Ett uppsättnings-id, som `iop sets` listar dem"),
    (
        "schema",
        "Skriv ut ett JSON-schema för svarsfiler eller kriteriefiler, så att en editor kan fylla i och kontrollera dem",
    ),
    (
        "schema kind",
        "Vilka filer: answers (svarsfiler, som iop init skriver dem) eller criteria (kriteriefiler)",
    ),
    (
        "schema @after",
        "Schemat byggs av de kriterier som gäller (med --criteria även dina) och beskriver varje fråga \
         med dess text och stöd på språket i --lang. I VS Code med Even Better TOML (eller en annan \
         editor som använder taplo) anger en svarsfil som iop init skrivit schemat på sin första rad, \
         `#:schema ./iop-answers.schema.json`, räknat från filens mapp:\n\n  \
         iop schema answers > iop-answers.schema.json\n  \
         iop schema criteria > iop-criteria.schema.json\n\n\
         Slutkoder:\n  0  schemat skrevs\n  \
         2  kriterierna som angavs med --criteria kunde inte läsas eller är ogiltiga",
    ),
];

fn swedish(key: &str) -> Option<&'static str> {
    SV.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn key(path: &str, item: &str) -> String {
    match (path.is_empty(), item.is_empty()) {
        (true, _) => item.to_string(),
        (false, true) => path.to_string(),
        (false, false) => format!("{path} {item}"),
    }
}

/// Puts the Swedish help on a command and everything under it. Help and version flags
/// and global flags are looked up by their id alone.
fn localize(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = swedish(path) {
        cmd = cmd.about(about).long_about(None);
    }
    if let Some(after) = swedish(&key(path, "@after")) {
        cmd = cmd.after_help(after);
    }
    // The heading styled as clap styles its own; clap leaves the style out where the
    // help is not coloured.
    let heading = *cmd.get_styles().get_usage();
    let usage = cmd.render_usage().to_string();
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    let usage = usage
        .replace("[OPTIONS]", "[FLAGGOR]")
        .replace("<COMMAND>", "<KOMMANDO>");
    cmd = cmd
        .override_usage(usage)
        .help_template(format!(
            "{{about-with-newline}}\n{}Användning:{} {{usage}}\n\n{{all-args}}{{after-help}}",
            heading.render(),
            heading.render_reset()
        ))
        .subcommand_help_heading("Kommandon")
        .mut_args(|arg| {
            let id = arg.get_id().to_string();
            let text = swedish(&key(path, &id)).or_else(|| swedish(&id));
            let heading = if arg.is_positional() {
                "Argument"
            } else {
                "Flaggor"
            };
            // clap's own "[default: …]" and "[possible values: …]" are English: the Swedish
            // texts name the values themselves.
            let arg = arg
                .help_heading(heading)
                .hide_default_value(true)
                .hide_possible_values(true);
            match text {
                Some(text) => arg.help(text).long_help(None),
                None => arg,
            }
        });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = key(path, &name);
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &sub_path));
    }
    cmd
}

/// The command line with its help in the given language, coloured or not as stdout is.
/// Its usage says `iop`, whatever the binary's file is called (`iop.exe` on Windows).
pub fn command(lang: crate::lang::Lang, color: bool) -> Command {
    let color = match color {
        true => clap::ColorChoice::Always,
        false => clap::ColorChoice::Never,
    };
    let mut cmd = <crate::cli::Cli as clap::CommandFactory>::command()
        .bin_name("iop")
        .color(color);
    if lang == crate::lang::Lang::Sv {
        cmd.build();
        cmd = localize(cmd, "");
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key the command line has, the way `localize` looks them up.
    fn keys(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for arg in cmd.get_arguments() {
            let id = arg.get_id().to_string();
            if swedish(&id).is_none() {
                out.push(key(path, &id));
            }
        }
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            keys(sub, &key(path, sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_swedish_help() {
        let mut cmd = <crate::cli::Cli as clap::CommandFactory>::command();
        cmd.build();
        let mut all = Vec::new();
        keys(&cmd, "", &mut all);
        let missing: Vec<&String> = all.iter().filter(|k| swedish(k).is_none()).collect();
        assert!(missing.is_empty(), "no Swedish help for {missing:?}");
        let unused: Vec<&str> = SV
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| {
                !k.ends_with("@after")
                    && !all.iter().any(|a| a == k)
                    && !["help", "version", "lang", "color", "criteria"].contains(k)
            })
            .collect();
        assert!(unused.is_empty(), "Swedish help for nothing: {unused:?}");
    }

    #[test]
    fn the_swedish_command_line_is_consistent() {
        command(crate::lang::Lang::Sv, false).debug_assert();
    }
}
