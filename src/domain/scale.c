/* Generated initiatives at scale (see scale.h). Everything is written
 * through the store's prepared statements in transactions of BATCH
 * initiatives; people share one password hash, as in demo.c. The texts
 * are composed from the phrase lists below: real places, themes and
 * help of Leidschendam-Voorburg, so search and pages behave as they
 * would on real content. */
#include "domain/scale.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/accounts.h"
#include "domain/demo.h"
#include "domain/directory.h"
#include "domain/process.h"
#include "lib/buf.h"
#include "store/store.h"
#include "store/store_directory.h"

enum { BATCH = 1000, DAY = 86400, MAX_AGE_DAYS = 1100 };

#define COUNT(v) (sizeof(v) / sizeof *(v))
#define PICK(g, v) ((v)[rng_below((g), COUNT(v))])

/* ---- Randomness: splitmix64, so a run is the same on every machine ---- */

typedef struct Rng {
    uint64_t s;
} Rng;

static uint64_t rng_next(Rng *g)
{
    uint64_t z = (g->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static size_t rng_below(Rng *g, size_t n)
{
    return (size_t)(rng_next(g) % n);
}

static int64_t rng_range(Rng *g, int64_t lo, int64_t hi) /* inclusive */
{
    return lo + (int64_t)rng_below(g, (size_t)(hi - lo + 1));
}

static int chance(Rng *g, int percent)
{
    return (int)rng_below(g, 100) < percent;
}

/* ---- Vocabulary --------------------------------------------------------- */

/* An idea: what the title starts with, what the initiators want to do
 * (after "willen we"), its themes, the help it typically asks for and
 * what money or material would pay for. */
typedef struct Idea {
    const char *title, *action, *themes, *help, *thing;
} Idea;

static const Idea ideas[] = {
    { "Buurtmoestuin", "samen een moestuin aanleggen met plantenbakken en een kleine kas", "groen,ontmoeting",
      "materiaal,geld,vrijwilligers,vergunning", "plantenbakken, tuinaarde en zaden" },
    { "Geveltuintjes", "de tegels langs de gevels vervangen door geveltuintjes met vaste planten",
      "groen,duurzaamheid", "materiaal,vergunning", "vaste planten en compost" },
    { "Pluktuin", "een pluktuin met fruitstruiken en kruiden maken die van iedereen is", "groen,ontmoeting",
      "materiaal,ruimte,geld", "fruitstruiken, kruiden en een hek" },
    { "Bloemenweide", "een stuk gras omvormen tot een bloemenweide voor bijen en vlinders", "groen,duurzaamheid",
      "vergunning,materiaal", "bloemzaad en het omspitten van de grond" },
    { "Insectenhotels bouwen", "met kinderen uit de buurt insectenhotels bouwen en ophangen", "groen,jeugd",
      "materiaal,geld", "hout, bamboe en gereedschap" },
    { "Tegelwippen", "met de hele straat tegels wippen en er groen voor terugzetten", "groen,duurzaamheid,schoon",
      "materiaal,vergunning,vrijwilligers", "planten, aarde en een aanhanger" },
    { "Buurtboomgaard", "een kleine boomgaard met oude fruitrassen planten", "groen", "ruimte,vergunning,geld",
      "fruitbomen en boompalen" },
    { "Boomspiegels adopteren", "de boomspiegels in de straat adopteren en beplanten", "groen,schoon",
      "materiaal,vergunning", "bodembedekkers en bloembollen" },
    { "Koffieochtend", "elke week een koffieochtend houden waar iedereen kan binnenlopen", "ontmoeting,eenzaamheid",
      "ruimte,geld", "koffie, thee en iets lekkers" },
    { "Straatfeest", "een straatfeest organiseren met muziek, spelletjes en een gezamenlijke maaltijd", "ontmoeting",
      "vergunning,geld,materiaal", "tafels, een geluidsinstallatie en een springkussen" },
    { "Burendag", "op Burendag de buurt uitnodigen voor een opknapklus en een lunch", "ontmoeting,schoon",
      "geld,materiaal", "verf, gereedschap en de lunch" },
    { "Buurtkamer", "een buurtkamer openen waar buren elkaar kunnen ontmoeten", "ontmoeting,eenzaamheid",
      "ruimte,geld,vrijwilligers", "meubels, een koffiezetapparaat en de huur" },
    { "Buurtbarbecue", "een barbecue voor de hele buurt houden op het grasveld", "ontmoeting", "vergunning,geld",
      "barbecues, vlees en vegetarische hapjes" },
    { "Picknicktafels", "picknicktafels neerzetten waar buren samen kunnen zitten", "ontmoeting,verkeer",
      "materiaal,vergunning", "twee picknicktafels" },
    { "Buurtbieb", "een minibibliotheek in een kastje bij de speeltuin maken", "cultuur,taal,ontmoeting",
      "materiaal", "een weerbestendig kastje en boeken" },
    { "Nieuwjaarsborrel", "een nieuwjaarsborrel voor nieuwe en oude buren houden", "ontmoeting", "ruimte,geld",
      "hapjes en drankjes" },
    { "Wandelmaatjes", "wandelmaatjes koppelen aan buren die niet graag alleen naar buiten gaan",
      "eenzaamheid,ouderen,sport", "vrijwilligers,netwerk,procesbegeleiding", "een kennismakingsbijeenkomst" },
    { "Samen eten", "een keer per maand samen koken en eten met buren die alleen wonen", "eenzaamheid,ontmoeting",
      "ruimte,geld,vrijwilligers", "boodschappen en kookgerei" },
    { "Telefooncirkel", "een telefooncirkel starten zodat alleenwonende ouderen elke ochtend gebeld worden",
      "eenzaamheid,ouderen,zorg", "vrijwilligers,advies", "een telefoonlijst en een training" },
    { "Bezoekdienst", "vrijwilligers laten langsgaan bij buren die weinig bezoek krijgen", "eenzaamheid,zorg",
      "vrijwilligers,procesbegeleiding,netwerk", "een training voor de vrijwilligers" },
    { "Beweegtuin", "een beweegtuin met toestellen voor jong en oud plaatsen", "sport,ouderen",
      "geld,vergunning,ruimte", "drie beweegtoestellen" },
    { "Wandelvoetbal", "wandelvoetbal voor 60-plussers op het trapveldje organiseren", "sport,ouderen,ontmoeting",
      "ruimte,materiaal", "ballen, hesjes en doeltjes" },
    { "Jeu-de-boulesbaan", "een jeu-de-boulesbaan aanleggen waar buren samen kunnen spelen",
      "sport,ouderen,ontmoeting", "vergunning,geld,materiaal", "schelpen, opsluitbanden en boules" },
    { "Bootcamp in het park", "gratis buitensporten in het park voor alle leeftijden aanbieden", "sport",
      "vergunning,vrijwilligers", "sportmateriaal en een trainer" },
    { "Hardloopgroep", "een hardloopgroep voor beginners starten", "sport,ontmoeting", "vrijwilligers,netwerk",
      "hesjes en een startersprogramma" },
    { "Sportdag", "een sportdag voor de kinderen uit de wijk houden", "sport,jeugd", "geld,vrijwilligers,materiaal",
      "sportmateriaal en prijzen" },
    { "Openluchtbioscoop", "op een zomeravond een film op een groot scherm buiten vertonen", "cultuur,ontmoeting",
      "vergunning,geld,materiaal", "een scherm, een beamer en stoelen" },
    { "Buurtkoor", "een buurtkoor oprichten dat oefent in het wijkcentrum", "cultuur,ontmoeting,eenzaamheid",
      "ruimte,geld", "een dirigent en bladmuziek" },
    { "Muurschildering", "met jongeren een muurschildering maken op een kale muur", "cultuur,jeugd,veiligheid",
      "vergunning,geld,materiaal", "verf, steigers en een kunstenaar" },
    { "Zomerconcert", "een zomerconcert met muzikanten uit de buurt organiseren", "cultuur,ontmoeting",
      "vergunning,geld", "een podium en geluid" },
    { "Kunstroute", "een kunstroute maken langs de ateliers van buren", "cultuur", "netwerk,geld",
      "een folder en bordjes" },
    { "Poëzie op de muur", "gedichten van buurtbewoners op muren en bankjes zetten", "cultuur,taal",
      "vergunning,geld", "letters en een schilder" },
    { "Huiswerkklas", "een huiswerkklas voor kinderen uit groep 7 en 8 en de brugklas beginnen", "jeugd,taal",
      "ruimte,vrijwilligers", "laptops en schriften" },
    { "Kinderkookclub", "een kookclub voor kinderen starten waar ze gezond leren koken", "jeugd,zorg",
      "ruimte,geld,vrijwilligers", "ingrediënten en schorten" },
    { "Jongerenpodium", "een podium maken waar jongeren muziek en dans kunnen laten zien", "jeugd,cultuur",
      "ruimte,geld,netwerk", "licht, geluid en een presentator" },
    { "Voetbalkooi", "een voetbalkooi plaatsen zodat jongeren een eigen plek hebben", "jeugd,sport",
      "geld,vergunning,ruimte", "een voetbalkooi" },
    { "Jongerenhonk opknappen", "de oude jongerenhonk opknappen samen met de jongeren zelf", "jeugd,ontmoeting",
      "materiaal,vrijwilligers,geld", "verf, banken en een koelkast" },
    { "Digicafé", "ouderen helpen met hun telefoon, tablet en DigiD", "ouderen,taal", "vrijwilligers,ruimte",
      "een paar tablets en wifi" },
    { "Seniorenfietstocht", "fietstochten voor senioren langs de mooiste plekken van de gemeente organiseren",
      "ouderen,sport", "vrijwilligers,geld", "koffie onderweg en hesjes" },
    { "Boodschappenmaatjes", "buren helpen die zelf geen boodschappen meer kunnen doen", "ouderen,zorg,eenzaamheid",
      "vrijwilligers,netwerk", "een boodschappenlijst en een app" },
    { "Bankjes langs de route", "bankjes plaatsen zodat ouderen onderweg kunnen uitrusten", "ouderen,verkeer",
      "vergunning,geld", "vier bankjes" },
    { "Buurtpreventie", "met een buurtpreventieteam 's avonds een rondje door de wijk lopen", "veiligheid",
      "netwerk,materiaal,advies", "hesjes en zaklampen" },
    { "Buurtapp", "een buurtpreventie-app opzetten met duidelijke afspraken", "veiligheid,ontmoeting",
      "advies,netwerk", "bordjes bij de ingang van de wijk" },
    { "Betere verlichting", "het donkere pad betere verlichting geven zodat het 's avonds veiliger voelt",
      "veiligheid,verkeer", "vergunning,advies", "extra lantaarnpalen" },
    { "AED-training", "buren opleiden tot burgerhulpverlener en een AED aan de gevel hangen", "zorg,veiligheid",
      "geld,advies", "een AED en een cursus" },
    { "Zwerfafvalprikkers", "elke maand met buren zwerfafval prikken", "schoon,ontmoeting", "materiaal,netwerk",
      "grijpers, vuilniszakken en hesjes" },
    { "Opschoondag", "een grote opschoondag houden met de scholen in de buurt", "schoon,jeugd",
      "materiaal,vrijwilligers", "grijpers en afvalzakken" },
    { "Ruilkast", "een ruilkast neerzetten waar buren spullen kunnen ruilen", "schoon,duurzaamheid",
      "materiaal,vergunning", "een overdekte kast" },
    { "Repair Café", "een Repair Café houden waar vrijwilligers kapotte spullen repareren", "duurzaamheid,ontmoeting",
      "ruimte,vrijwilligers,materiaal", "gereedschap en een werkbank" },
    { "Energiecoaches", "buren helpen energie te besparen met gratis advies aan huis", "duurzaamheid,zorg",
      "advies,vrijwilligers,geld", "radiatorfolie en tochtstrips" },
    { "Zonnepanelen op het buurthuis", "samen zonnepanelen op het dak van het buurthuis leggen", "duurzaamheid",
      "geld,advies,vergunning", "zonnepanelen en een omvormer" },
    { "Elektrische deelauto", "een elektrische deelauto voor de straat regelen", "duurzaamheid,verkeer",
      "advies,netwerk", "een laadpaal" },
    { "Regentonnen", "regentonnen en groene daken in de straat aanleggen", "duurzaamheid,groen", "materiaal,geld",
      "regentonnen en sedum" },
    { "Mantelzorgcafé", "een plek maken waar mantelzorgers ervaringen kunnen delen", "zorg,eenzaamheid",
      "ruimte,netwerk", "koffie en een gespreksleider" },
    { "Gezondheidsmarkt", "een markt met workshops over gezond eten en bewegen houden", "zorg,sport", "netwerk,geld",
      "kramen en sprekers" },
    { "Taalcafé", "een taalcafé houden waar nieuwe Nederlanders Nederlands oefenen met buren", "taal,ontmoeting",
      "ruimte,vrijwilligers", "lesmateriaal en koffie" },
    { "Voorleesochtend", "voorleesochtenden voor peuters en hun ouders houden", "taal,jeugd", "ruimte,materiaal",
      "prentenboeken en kussens" },
    { "Taalmaatjes", "taalmaatjes koppelen aan buren die beter Nederlands willen leren", "taal,eenzaamheid",
      "vrijwilligers,procesbegeleiding", "een training voor de maatjes" },
    { "Speeltuin opknappen", "de speeltuin samen met de buurt opknappen", "spelen,jeugd",
      "geld,vergunning,vrijwilligers", "nieuwe speeltoestellen en zand" },
    { "Speelstraat", "de straat op woensdagmiddag afsluiten zodat kinderen buiten kunnen spelen",
      "spelen,jeugd,verkeer", "vergunning,materiaal", "afzethekken en stoepkrijt" },
    { "Natuurspeelplek", "een natuurspeelplek met boomstammen, water en zand maken", "spelen,groen",
      "geld,vergunning,ruimte", "boomstammen, keien en een waterpomp" },
    { "Groen schoolplein", "het schoolplein vergroenen zodat kinderen tussen bomen spelen", "spelen,groen,jeugd",
      "geld,advies", "bomen, struiken en een moestuinbak" },
    { "Veilige schoolroute", "de route naar school veiliger maken met duidelijke oversteekplekken",
      "verkeer,veiligheid,jeugd", "advies,vergunning", "borden en stoepmarkeringen" },
    { "Fietsenstalling", "een overdekte fietsenstalling in de straat plaatsen", "verkeer,duurzaamheid",
      "vergunning,geld", "een fietstrommel" },
    { "Autoluwe straat", "de straat autoluw maken met bloembakken en zitplekken", "verkeer,groen",
      "vergunning,advies,netwerk", "bloembakken en een bank" },
};

/* Places by town, for titles ("aan de Vliet") and for where people meet. */
typedef struct Town {
    const char *name;
    const char *spots[8]; /* title endings */
    const char *rooms[5]; /* "in …" where people meet */
} Town;

static const Town towns[] = {
    { "Voorburg",
      { "aan de Vliet", "in het Huygenspark", "bij Park Vreugd en Rust", "aan de Herenstraat", "bij Hofwijck",
        "op het Kerkplein", "langs de Vlietoever", "in Park Leeuwenbergh" },
      { "De Groene Loper", "De Oranjehoek", "Fransstraat 16", "het Sociaal Netwerk Punt", "de bibliotheek" } },
    { "Leidschendam",
      { "aan de Vliet", "op de Dam", "bij de sluis", "bij De Plint", "in Leidsenhage", "aan het Prinsenhofplein",
        "bij de Heuvelweg", "in Sijtwende" },
      { "De Plint", "Dobbelaan 4", "De Loopplank", "de bibliotheek", "het buurthuis" } },
    { "Stompwijk",
      { "in het dorp", "langs de Stompwijkse Vaart", "bij de molen", "in de polder", "aan de Stompwijkseweg",
        "bij de kerk", "op het dorpsplein", "bij de sportvelden" },
      { "het dorpshuis", "de kantine van de voetbalclub", "de kerk", "de school", "de molen" } },
    { "Wilsveen",
      { "in de polder", "langs de Wilsveense Molen", "aan de Weg naar Wilsveen", "bij de molen", "in het veen",
        "aan de Meeslouwerplas", "bij de boerderij", "langs het fietspad" },
      { "het dorpshuis", "de boerderij", "de kantine", "de school", "de schuur van een buurman" } },
};

static const char *const taglines[] = {
    "samen maken we het mooier", "voor jong en oud", "iedereen doet mee", "van de buurt, voor de buurt",
    "buren helpen buren", "een plek voor iedereen", "samen sterk", "de buurt aan zet",
};

static const char *const who[] = {
    "Buren", "Bewoners", "Ouders", "Vrijwilligers", "Buurtbewoners", "Jonge gezinnen", "Jongeren en ouderen",
    "Een paar straten", /* "willen" still fits */
};

static const char *const invites[] = {
    "Iedereen kan meedoen.", "Iedereen is welkom, jong en oud.", "Meedoen is gratis.",
    "Ook nieuwe buren zijn van harte welkom.", "Je hoeft niets mee te nemen, alleen zin.",
    "Wie wil helpen, kan zich melden.", "We zoeken nog meer buren die willen helpen.",
};

/* {a}: the area's name. */
static const char *const openings[] = {
    "In {a} wonen veel mensen die elkaar nauwelijks kennen. Op straat groeten we elkaar, maar daar blijft het bij.",
    "Steeds meer buren in {a} vragen zich af waarom er zo weinig te doen is in de buurt.",
    "De afgelopen jaren zijn er in {a} veel nieuwe gezinnen komen wonen. Ze kennen de buurt nog nauwelijks.",
    "In {a} is weinig ruimte om elkaar te ontmoeten, zeker sinds het buurthuis minder vaak open is.",
    "Veel oudere bewoners in {a} wonen alleen. Ze komen minder vaak buiten dan ze zouden willen.",
    "Op een buurtavond in {a} kwam hetzelfde idee steeds terug.",
    "Onze straat in {a} is versteend: veel tegels, weinig groen en weinig plekken om te zitten.",
    "In {a} gebeurt al veel, maar het komt vaak neer op dezelfde paar mensen.",
};

typedef struct ThemeText {
    const char *code;
    const char *lines[3];
} ThemeText;

static const ThemeText theme_texts[] = {
    { "groen",
      { "Meer groen houdt de straat koeler in de zomer en geeft bijen en vlinders een plek.",
        "Groen in de buurt maakt mensen gezonder en gelukkiger.",
        "Regenwater zakt beter weg als er minder tegels liggen." } },
    { "ontmoeting",
      { "Zo leren buren elkaar kennen en weten ze elkaar te vinden als er iets is.",
        "Het wordt een vaste plek waar je zonder afspraak kunt binnenlopen.",
        "Wie elkaar kent, let ook beter op elkaar." } },
    { "eenzaamheid",
      { "Voor wie alleen woont, maakt een vast moment in de week veel verschil.",
        "Niemand hoeft zich aan te melden: je komt gewoon langs.",
        "We letten er samen op dat niemand buiten de boot valt." } },
    { "sport",
      { "Bewegen is gezond en samen is het leuker dan alleen.",
        "Meedoen kost niets en je hebt geen ervaring nodig.",
        "Ook wie al lang niet meer gesport heeft, doet mee in zijn eigen tempo." } },
    { "cultuur",
      { "Kunst en muziek brengen mensen bij elkaar die elkaar anders niet zouden ontmoeten.",
        "Er wonen veel creatieve mensen in de buurt; zo laten ze zien wat ze kunnen.",
        "Het maakt de buurt mooier en geeft haar een eigen gezicht." } },
    { "jeugd",
      { "Kinderen en jongeren krijgen een plek waar ze zich welkom voelen.",
        "Jongeren denken mee en doen mee, zodat het echt van hen is.",
        "Ouders leren elkaar zo ook beter kennen." } },
    { "ouderen",
      { "Ouderen blijven zo langer fit en zelfstandig.", "Er is altijd iemand die een handje helpt.",
        "Het tempo ligt laag, zodat iedereen mee kan." } },
    { "veiligheid",
      { "Als buren elkaar kennen, voelt de straat veiliger.", "We werken samen met de wijkagent en de boa's.",
        "Zo zien we sneller wat er mis is en weten we wie we moeten bellen." } },
    { "schoon",
      { "Een schone buurt nodigt uit om er zuinig op te zijn.",
        "Het afval belandt niet meer in de Vliet en in de sloten.",
        "Kinderen leren zo dat afval in de bak hoort." } },
    { "duurzaamheid",
      { "Zo besparen we samen energie en geld.", "Spullen gaan langer mee en er komt minder afval.",
        "Klein beginnen in de eigen straat werkt: buren nemen het van elkaar over." } },
    { "zorg",
      { "Wie voor een ander zorgt, heeft zelf ook steun nodig.",
        "We werken samen met de huisarts, het wijkteam en Woej.",
        "Kleine hulp op tijd voorkomt grotere problemen later." } },
    { "taal",
      { "Wie de taal spreekt, kan beter meedoen in de buurt, op school en op het werk.",
        "Oefenen gaat het best in een gewoon gesprek, zonder toetsen.",
        "Nieuwe buren leren zo ook hoe het hier gaat." } },
    { "spelen",
      { "Kinderen spelen te weinig buiten; een goede speelplek helpt.",
        "Ouders ontmoeten elkaar terwijl de kinderen spelen.",
        "We hebben de kinderen zelf gevraagd wat ze willen." } },
    { "verkeer",
      { "Er wordt in de straat te hard gereden en dat voelt onveilig.",
        "Op de stoep is nu weinig ruimte voor rollators en kinderwagens.",
        "Minder auto's betekent meer ruimte om te spelen en te zitten." } },
};

/* SDG numbers that fit each theme. */
static const struct {
    const char *theme;
    int sdgs[3];
} theme_sdgs[] = {
    { "groen", { 11, 15, 13 } },   { "ontmoeting", { 11, 10, 3 } },   { "eenzaamheid", { 3, 10, 11 } },
    { "sport", { 3, 11, 10 } },    { "cultuur", { 11, 4, 10 } },      { "jeugd", { 4, 3, 10 } },
    { "ouderen", { 3, 10, 11 } },  { "veiligheid", { 16, 11, 3 } },   { "schoon", { 11, 12, 14 } },
    { "duurzaamheid", { 7, 13, 12 } }, { "zorg", { 3, 10, 17 } },    { "taal", { 4, 10, 8 } },
    { "spelen", { 3, 11, 4 } },    { "verkeer", { 11, 3, 9 } },
};

static const char *const days[] = { "zaterdagochtend", "woensdagmiddag", "dinsdagavond",  "vrijdagmiddag",
                                    "zondagmiddag",    "donderdagochtend", "maandagavond" };
static const char *const counted[] = { "buren", "huishoudens", "vrijwilligers", "gezinnen" };
static const char *const closings[] = {
    "Kom gerust langs, ook als je alleen wilt kijken!", "Vragen? Spreek ons aan of stuur een bericht.",
    "Doe je mee? Iedereen is welkom.", "We houden de buurt op de hoogte via de buurtapp.",
    "Heb je een goed idee? Laat het ons weten.",
};

/* Help descriptions by kind; {t} is the idea's thing, {r} a room. */
static const struct {
    const char *kind;
    const char *lines[3];
} help_texts[] = {
    { "geld", { "Een bijdrage voor {t}", "Geld voor {t}", "Een kleine bijdrage voor {t} en de verzekering" } },
    { "materiaal", { "{T}", "{T}, te leen of te koop", "Hulp bij het vervoer van {t}" } },
    { "vrijwilligers",
      { "Vaste vrijwilligers die een paar uur per maand willen helpen", "Drie buren die helpen bij de opbouw",
        "Iemand die de planning en de buurtapp bijhoudt" } },
    { "procesbegeleiding",
      { "Iemand van de gemeente die met ons meedenkt", "Een vaste contactpersoon die de weg wijst",
        "Hulp bij het maken van een plan en een begroting" } },
    { "ruimte",
      { "Een ruimte in {r} voor de bijeenkomsten", "Een plek om {t} op te slaan",
        "Een lokaal in {r}, eens per week" } },
    { "vergunning",
      { "Toestemming om de openbare ruimte te gebruiken", "Hulp bij de vergunning voor het evenement",
        "Toestemming van de eigenaar van de grond" } },
    { "advies",
      { "Advies over verzekering en veiligheid", "Advies over de vorm: vereniging of stichting?",
        "Advies over wat wel en niet mag" } },
    { "netwerk",
      { "Contact met partners zoals Woej en Sport en Welzijn", "Contact met initiatieven die iets vergelijkbaars doen",
        "Contact met de scholen in de buurt" } },
};

/* Notes on the timeline, by the state the initiative moves to. */
static const struct {
    ProcState to;
    const char *lines[3];
} notes[] = {
    { ST_INGEDIEND,
      { "Idee ingediend na een gesprek met de buren.", "Ingediend. We horen graag snel van de gemeente.",
        "Na de bewonersavond hebben we het plan ingediend." } },
    { ST_INTAKE,
      { "Kennismakingsgesprek gehad. Ik ben vanaf nu de vaste contactpersoon.",
        "Intakegesprek op locatie gehad met de initiatiefnemers.",
        "Telefonisch kennisgemaakt en een afspraak gemaakt om langs te komen." } },
    { ST_IN_BEHANDELING,
      { "Het plan is besproken met Beheer Openbare Ruimte.", "De aanvraag voor geld ligt bij Vlietwensen.",
        "We zoeken uit welke vergunning nodig is." } },
    { ST_TOEGEKEND,
      { "Vlietwensen kent een bijdrage toe.", "De gemeente helpt mee met materiaal en de vergunning.",
        "Toegekend. De afspraken staan in de mail aan de initiatiefnemers." } },
    { ST_AFGEWEZEN,
      { "Het plan past niet binnen de regels van het budget. Uitgelegd in een gesprek.",
        "Afgewezen: de plek is niet beschikbaar. Samen gezocht naar een andere plek.",
        "Afgewezen, omdat er al een vergelijkbaar initiatief in de wijk is." } },
    { ST_DOORVERWEZEN,
      { "Doorverwezen naar Woej, die dit al in de wijk doet.", "Doorverwezen naar Sport en Welzijn voor de uitvoering.",
        "Een fonds past hier beter; de contactgegevens zijn gedeeld." } },
    { ST_IN_UITVOERING,
      { "We zijn begonnen!", "De eerste bijeenkomst was een succes.", "De spullen zijn binnen; we gaan aan de slag." } },
    { ST_AFGEROND,
      { "Klaar! Dank aan alle buren die hielpen.", "Afgerond. We gaan er zelf mee door.",
        "Het project is af. De foto's staan op onze pagina." } },
    { ST_GEEVALUEERD,
      { "Nabesproken: wat goed ging en wat beter kan, staat in het verslag.",
        "Evaluatie gehad met de buurt en de gemeente.", "Geëvalueerd met de initiatiefnemers en Vlietwensen." } },
    { ST_GESTOPT,
      { "Gestopt: er waren te weinig vrijwilligers.", "We stoppen, omdat de initiatiefnemer verhuist.",
        "Gestopt. De plek bleek niet geschikt." } },
};

static const char *const first_names[] = {
    "Fatima", "Sanne",  "Mohamed", "Anouk",   "Pieter",   "Ingrid", "Kees",   "Youssef", "Emma",    "Noah",
    "Lotte",  "Daan",   "Mila",    "Sem",     "Ayşe",     "Priya",  "Ravi",   "Joost",   "Marieke", "Wim",
    "Els",    "Henk",   "Ria",     "Sophie",  "Lucas",    "Julia",  "Thijs",  "Fleur",   "Bram",    "Nadia",
    "Karim",  "Samira", "Omar",    "Hanneke", "Gerrit",   "Annelies", "Jan",  "Linda",   "Ahmet",   "Zeynep",
    "Chantal", "Roy",   "Dewi",    "Ricardo", "Maria",    "Tomasz", "Agnieszka", "Lisa", "Eva",     "Hüseyin",
    "Noor",   "Finn",   "Yara",    "Milan",   "Renée",    "Stijn",
};
static const char *const last_names[] = {
    "de Vries", "Jansen",   "Bakker",     "Visser",   "Smit",    "Meijer",  "de Boer",  "Mulder",  "de Groot",
    "Bos",      "Vos",      "Peters",     "Hendriks", "van Dijk", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
    "Dijkstra", "Smits",    "de Graaf",   "van der Meer", "Kok", "Jacobs",   "van den Berg", "Vermeulen", "Ouali",
    "El Amrani", "Yılmaz",  "Kaya",       "Öztürk",   "Bennani", "Ramdin",  "Baldew",   "Tjon",    "Kowalski",
    "Nowak",    "van Wijk", "Hoekstra",   "Vink",     "Koster",  "Prins",   "Huisman",  "Schouten", "Post",
    "van Rijn", "Verhoeven", "Zuiderwijk",
};

/* Organisations: a kind as shown on its page, the words its names start
 * with, how its name ends (0: a made-up name, 1: a family name, 2: a town,
 * 3: a buurt, which also makes it work in that buurt's wijk; 2 may also
 * be a buurt or a made-up name), the themes
 * and kinds of help it chooses from (real codes of ../shared/data), how
 * often (percent) it names wijken it works in, and a line about it. */
typedef struct OrgKind {
    const char *kind;
    const char *prefixes[8];
    int suffix;
    const char *themes, *help;
    int local;
    const char *about;
} OrgKind;

static const OrgKind org_kinds[] = {
    { "stichting", { "Stichting", "Stichting", "Stichting Vrienden van", "Stichting Buurtfonds" }, 0,
      "ontmoeting,eenzaamheid,zorg,taal,cultuur,jeugd,groen", "vrijwilligers,advies,netwerk,geld,procesbegeleiding",
      30, "Wij zetten ons in voor een buurt waar iedereen meedoet." },
    { "vereniging", { "Historische Vereniging", "Toneelvereniging", "Muziekvereniging", "Tuindersvereniging",
                      "Fotoclub", "Volkstuinvereniging" }, 2,
      "cultuur,ontmoeting,groen,ouderen", "vrijwilligers,ruimte,materiaal,netwerk", 40,
      "Onze leden komen elke week bij elkaar en doen graag iets voor de buurt." },
    { "buurtvereniging", { "Buurtvereniging", "Bewonerscommissie", "Speeltuinvereniging", "Oranjevereniging",
                           "Bewonersvereniging" }, 3,
      "ontmoeting,spelen,schoon,groen,veiligheid,jeugd", "vrijwilligers,materiaal,ruimte,netwerk", 100,
      "Wij organiseren activiteiten voor en door de bewoners van onze buurt." },
    { "sportclub", { "Voetbalvereniging", "Tennisclub", "Hockeyclub", "Gymnastiekvereniging", "Atletiekvereniging",
                     "Wandelclub", "Zwemvereniging", "Korfbalvereniging" }, 2,
      "sport,jeugd,ouderen,ontmoeting", "ruimte,materiaal,vrijwilligers,advies", 60,
      "Sporten is gezond en gezellig, voor jong en oud." },
    { "kerk", { "Protestantse Gemeente", "Parochie", "Evangelische Gemeente", "Kerkgemeenschap", "Diaconie",
                "Moskee Vereniging" }, 2,
      "ontmoeting,eenzaamheid,ouderen,zorg,taal", "ruimte,vrijwilligers,netwerk,geld", 50,
      "Naast de vieringen hebben we een open huis en helpen we buren die het nodig hebben." },
    { "school", { "Basisschool", "Montessorischool", "Daltonschool", "Kindcentrum", "Jenaplanschool",
                  "Christelijke Basisschool" }, 0,
      "jeugd,spelen,taal,groen,duurzaamheid", "ruimte,vrijwilligers,netwerk", 80,
      "Een school midden in de wijk, met ouders die graag meedoen." },
    { "zorgaanbieder", { "Thuiszorg", "Zorgcentrum", "Huisartsenpraktijk", "Fysiotherapie", "Woonzorgcentrum",
                         "Dagbesteding" }, 0,
      "zorg,ouderen,eenzaamheid,sport", "advies,ruimte,netwerk,vrijwilligers", 50,
      "Wij zorgen voor mensen in de buurt en werken samen met het wijkteam." },
    { "bedrijf", { "Bakkerij", "Hoveniersbedrijf", "Bouwbedrijf", "Fietsenmaker", "Schildersbedrijf",
                   "Installatiebedrijf", "Drukkerij", "Tuincentrum" }, 1,
      "groen,duurzaamheid,schoon,ontmoeting,verkeer,sport", "materiaal,geld,advies,vrijwilligers", 40,
      "Een bedrijf uit de buurt dat maatschappelijk betrokken onderneemt." },
    { "serviceclub", { "Rotary Club", "Lions Club", "Kiwanis Club", "Round Table", "Soroptimist Club",
                       "Ladies' Circle" }, 2,
      "jeugd,ouderen,eenzaamheid,zorg,cultuur", "geld,vrijwilligers,netwerk", 0,
      "Onze leden zetten hun tijd, kennis en netwerk in voor goede doelen in de gemeente." },
};

/* How often each kind occurs, out of 100 (in the order of org_kinds). */
static const int org_kind_weights[] = { 16, 14, 18, 14, 8, 8, 8, 10, 4 };

static const char *const org_names[] = {
    "De Brug",      "De Vlietkracht", "Samen Verder",  "Het Anker",     "De Zonnebloem", "Buurtkracht",
    "De Linde",     "Het Klaverblad", "De Verbinding", "Vlietzicht",    "De Regenboog",  "De Wilg",
    "Hofwijck",     "Het Baken",      "De Horizon",    "Groen Dichtbij", "Oog voor Elkaar", "De Vlieger",
    "De Kastanje",  "Het Kompas",     "De Springplank", "De Molen",     "Het Vlietland", "De Zwaluw",
};

/* What an organisation offers, per kind of help; its offer text joins
 * those of the help it gives. */
static const struct {
    const char *kind, *offer;
} help_offers[] = {
    { "geld", "Een bijdrage uit ons eigen fonds voor goede ideeën." },
    { "vrijwilligers", "Mensen die een handje helpen: leden, medewerkers of vrijwilligers." },
    { "procesbegeleiding", "Iemand die met u meedenkt en uw plan helpt uitwerken." },
    { "materiaal", "Materiaal en gereedschap om te lenen." },
    { "ruimte", "Een zaal of ruimte voor bijeenkomsten." },
    { "vergunning", "Hulp bij het aanvragen van een vergunning." },
    { "advies", "Kennis en advies van ervaren mensen." },
    { "netwerk", "Contact met andere organisaties in de gemeente." },
};

/* ---- Text building ----------------------------------------------------- */

/* Appends tpl with {a} (area), {r} (room), {t} (thing) and {T} (thing
 * with a capital) filled in. */
typedef struct Vars {
    const char *area, *room, *thing;
} Vars;

static void expand(Buf *b, const char *tpl, const Vars *v)
{
    for (const char *p = tpl; *p; p++) {
        if (p[0] == '{' && p[1] && p[2] == '}') {
            const char *s = p[1] == 'a' ? v->area : p[1] == 'r' ? v->room : v->thing;
            if (p[1] == 'T' && s[0] >= 'a' && s[0] <= 'z') {
                buf_putc(b, (char)(s[0] - 'a' + 'A'));
                s++;
            }
            buf_puts(b, s);
            p += 2;
        } else {
            buf_putc(b, *p);
        }
    }
}

/* The e-mail form of a name: lower-case ASCII letters, the accents of
 * the names above folded, spaces dropped. */
static void email_part(Buf *b, const char *name)
{
    static const char *const fold[][2] = { { "ş", "s" }, { "ö", "o" }, { "Ö", "o" }, { "ü", "u" },
                                           { "ı", "i" }, { "é", "e" }, { "ë", "e" } };
    for (const char *p = name; *p;) {
        size_t k;
        for (k = 0; k < COUNT(fold); k++)
            if (strncmp(p, fold[k][0], strlen(fold[k][0])) == 0)
                break;
        if (k < COUNT(fold)) {
            buf_puts(b, fold[k][1]);
            p += strlen(fold[k][0]);
            continue;
        }
        unsigned char ch = (unsigned char)*p++;
        if (ch >= 'A' && ch <= 'Z')
            buf_putc(b, (char)(ch - 'A' + 'a'));
        else if (ch >= 'a' && ch <= 'z')
            buf_putc(b, (char)ch);
    }
}

static const ThemeText *theme_text(const char *code)
{
    for (size_t i = 0; i < COUNT(theme_texts); i++)
        if (strcmp(theme_texts[i].code, code) == 0)
            return &theme_texts[i];
    return &theme_texts[0];
}

static const char *help_text(Rng *g, const char *kind)
{
    for (size_t i = 0; i < COUNT(help_texts); i++)
        if (strcmp(help_texts[i].kind, kind) == 0)
            return PICK(g, help_texts[i].lines);
    return "Hulp";
}

static const char *note_text(Rng *g, ProcState to)
{
    for (size_t i = 0; i < COUNT(notes); i++)
        if (notes[i].to == to)
            return PICK(g, notes[i].lines);
    return "";
}

/* Splits "a,b,c" into v (pointers into a copy in buf); returns the count. */
static size_t split(char *buf, size_t size, const char *list, const char **v, size_t max)
{
    snprintf(buf, size, "%s", list);
    size_t n = 0;
    for (char *tok = strtok(buf, ","); tok && n < max; tok = strtok(NULL, ","))
        v[n++] = tok;
    return n;
}

/* ---- One run ---------------------------------------------------------------- */

typedef struct Gen {
    Ctx *c;
    Rng g;
    Area *areas;
    size_t n_areas;
    int64_t *staff;
    size_t n_staff;
    int64_t *people;
    size_t n_people;
    Buf title, summary, description, scratch;
    ScaleReport *report;
} Gen;

static const Town *town_of(const Area *a)
{
    for (size_t i = 0; i < COUNT(towns); i++)
        if (a->town && strcmp(a->town, towns[i].name) == 0)
            return &towns[i];
    return &towns[0];
}

/* The pool of initiators: about one per three initiatives, so some have
 * several. Numbered on from earlier runs, so e-mail addresses stay unique. */
static int make_people(Gen *x, long count, long first_number, const char *hash, const char **err)
{
    x->people = xcalloc((size_t)count, sizeof *x->people);
    Buf email, name, phone;
    buf_init(&email);
    buf_init(&name);
    buf_init(&phone);
    int ok = 1;
    for (long i = 0; i < count && ok; i++) {
        const char *first = PICK(&x->g, first_names), *last = PICK(&x->g, last_names);
        buf_reset(&name);
        buf_printf(&name, "%s %s", first, last);
        buf_reset(&email);
        email_part(&email, first);
        buf_putc(&email, '.');
        email_part(&email, last);
        buf_printf(&email, "%ld@example.nl", first_number + i);
        buf_reset(&phone);
        buf_printf(&phone, "06-%08lld", (long long)rng_range(&x->g, 10000000, 99999999));
        User u = { .email = buf_cstr(&email),
                   .name = buf_cstr(&name),
                   .phone = chance(&x->g, 60) ? buf_cstr(&phone) : NULL,
                   .role = ROLE_RESIDENT,
                   .password_hash = hash };
        if (store_user_insert(x->c->db, x->c->tenant->id, &u, x->c->now - DAY * MAX_AGE_DAYS, &x->people[i])
            != DB_OK) {
            *err = arena_printf(x->c->arena, "inwoner %s kon niet worden gemaakt", buf_cstr(&email));
            ok = 0;
        }
    }
    x->n_people = (size_t)count;
    x->report->people = count;
    buf_free(&email);
    buf_free(&name);
    buf_free(&phone);
    return ok;
}

static void compose_text(Gen *x, const Idea *idea, const Area *area, const char *themes[], size_t n_themes,
                         const char *help[], size_t n_help, long members)
{
    Rng *g = &x->g;
    const Town *town = town_of(area);
    Vars v = { .area = area->name, .room = PICK(g, town->rooms), .thing = idea->thing };

    buf_reset(&x->title);
    buf_puts(&x->title, idea->title);
    buf_putc(&x->title, ' ');
    if (chance(g, 60)) {
        buf_puts(&x->title, "in ");
        buf_puts(&x->title, area->name);
    } else {
        buf_puts(&x->title, PICK(g, town->spots));
    }
    if (chance(g, 20))
        buf_printf(&x->title, ": %s", PICK(g, taglines));

    buf_reset(&x->summary);
    buf_printf(&x->summary, "%s uit %s willen %s. %s", PICK(g, who), area->name, idea->action, PICK(g, invites));

    Buf *d = &x->description;
    buf_reset(d);
    expand(d, PICK(g, openings), &v);
    buf_printf(d, " Daarom willen we %s.\n\n", idea->action);
    for (size_t i = 0; i < n_themes && i < 2; i++) {
        const ThemeText *t = theme_text(themes[i]);
        buf_puts(d, t->lines[rng_below(g, 3)]);
        buf_putc(d, ' ');
    }
    buf_puts(d, theme_text(themes[0])->lines[rng_below(g, 3)]);
    buf_puts(d, "\n\n");
    if (n_help) {
        buf_puts(d, "Wat we nodig hebben:\n\n");
        for (size_t i = 0; i < n_help; i++) {
            buf_puts(d, "- ");
            expand(d, help[i], &v);
            buf_puts(d, i + 1 < n_help ? ";\n" : ".\n");
        }
        buf_putc(d, '\n');
    }
    buf_printf(d, "Er doen nu %ld %s mee. We komen elke %s samen in %s. %s", members, PICK(g, counted),
               PICK(g, days), v.room, PICK(g, closings));
}

/* The states an initiative passed through, with the day of each move:
 * it stops where the next move would lie in the future, or (now and
 * then) where initiatives in real life stall. */
typedef struct Step {
    ProcState to;
    int64_t at;
} Step;

/* A moment between 8 and 18 o'clock on the day of t. */
static int64_t at_office_hours(Rng *g, int64_t t)
{
    return t - t % DAY + rng_range(g, 8, 17) * 3600 + rng_range(g, 0, 3599);
}

static size_t walk(Rng *g, int64_t created, int64_t now, Step *steps)
{
    size_t n = 0;
    ProcState cur = ST_IDEE;
    int64_t t = created;
    for (;;) {
        ProcState next = ST_NONE;
        int64_t gap = 0;
        int r = (int)rng_below(g, 100);
        switch (cur) {
        case ST_IDEE:
            next = r < 85 ? ST_INGEDIEND : r < 88 ? ST_GESTOPT : ST_NONE;
            gap = rng_range(g, 0, 20);
            break;
        case ST_INGEDIEND:
            next = r < 96 ? ST_INTAKE : ST_GESTOPT;
            gap = rng_range(g, 1, 24);
            break;
        case ST_INTAKE:
            next = r < 80 ? ST_IN_BEHANDELING : r < 88 ? ST_DOORVERWEZEN : r < 95 ? ST_AFGEWEZEN : ST_GESTOPT;
            gap = rng_range(g, 3, 25);
            break;
        case ST_IN_BEHANDELING:
            next = r < 72 ? ST_TOEGEKEND : r < 84 ? ST_AFGEWEZEN : r < 95 ? ST_DOORVERWEZEN : ST_GESTOPT;
            gap = rng_range(g, 10, 70);
            break;
        case ST_TOEGEKEND:
            next = r < 93 ? ST_IN_UITVOERING : ST_GESTOPT;
            gap = rng_range(g, 7, 60);
            break;
        case ST_IN_UITVOERING:
            next = r < 88 ? ST_AFGEROND : r < 93 ? ST_GESTOPT : ST_NONE;
            gap = rng_range(g, 30, 240);
            break;
        case ST_AFGEROND:
            next = r < 60 ? ST_GEEVALUEERD : ST_NONE;
            gap = rng_range(g, 14, 90);
            break;
        default:
            break;
        }
        int64_t at = at_office_hours(g, t + gap * DAY);
        if (at <= t)
            at = t + rng_range(g, 600, 7200);
        if (next == ST_NONE || at >= now)
            return n;
        steps[n].to = next;
        steps[n].at = at;
        n++;
        cur = next;
        t = at;
    }
}

static int is_initiators_move(ProcState to)
{
    return to == ST_INGEDIEND || to == ST_IN_UITVOERING || to == ST_AFGEROND || to == ST_GESTOPT;
}

static HelpState help_state_for(Rng *g, ProcState s)
{
    switch (s) {
    case ST_TOEGEKEND:
        return chance(g, 70) ? HELP_TOEGEZEGD : HELP_OPEN;
    case ST_IN_UITVOERING:
        return chance(g, 60) ? HELP_GELEVERD : HELP_TOEGEZEGD;
    case ST_AFGEROND:
    case ST_GEEVALUEERD:
        return chance(g, 90) ? HELP_GELEVERD : HELP_AFGEWEZEN;
    case ST_AFGEWEZEN:
        return HELP_AFGEWEZEN;
    default:
        return HELP_OPEN;
    }
}

static int add_one(Gen *x)
{
    Ctx *c = x->c;
    Db *db = c->db;
    int64_t tenant = c->tenant->id;
    Rng *g = &x->g;
    const Idea *idea = &PICK(g, ideas);
    /* Buurten three times as often as whole wijken. */
    const Area *area = &x->areas[rng_below(g, x->n_areas)];
    if (strcmp(area->kind, "wijk") == 0 && chance(g, 60))
        area = &x->areas[rng_below(g, x->n_areas)];

    char theme_buf[128], help_buf[128];
    const char *themes[4], *kinds[6];
    size_t n_themes = split(theme_buf, sizeof theme_buf, idea->themes, themes, 3);
    if (n_themes > 1 && chance(g, 30))
        n_themes--; /* not every initiative names every theme of its kind */
    size_t n_kinds = split(help_buf, sizeof help_buf, idea->help, kinds, 5);
    size_t n_help = rng_below(g, n_kinds < 3 ? n_kinds + 1 : 4);
    const char *help_lines[4];
    size_t start = rng_below(g, n_kinds);
    for (size_t i = 0; i < n_help; i++)
        help_lines[i] = help_text(g, kinds[(start + i) % n_kinds]);

    /* Newer initiatives are more common than old ones. */
    double u = (double)rng_below(g, 1000000) / 1e6;
    int64_t age_days = 1 + (int64_t)(u * u * MAX_AGE_DAYS);
    int64_t created = at_office_hours(g, c->now - age_days * DAY);
    Step steps[12];
    size_t n_steps = walk(g, created, c->now, steps);
    ProcState state = n_steps ? steps[n_steps - 1].to : ST_IDEE;
    int64_t submitted = 0, contact = 0, since = created;
    for (size_t i = 0; i < n_steps; i++) {
        if (steps[i].to == ST_INGEDIEND)
            submitted = steps[i].at;
        if (steps[i].to == ST_INTAKE)
            contact = x->staff[rng_below(g, x->n_staff)];
        since = steps[i].at;
    }

    compose_text(x, idea, area, themes, n_themes, help_lines, n_help, (long)rng_range(g, 3, 40));
    Initiative in = { .title = buf_cstr(&x->title),
                      .summary = buf_cstr(&x->summary),
                      .description = buf_cstr(&x->description),
                      .area_code = area->code,
                      .state = state,
                      .initiator_id = x->people[rng_below(g, x->n_people)],
                      .show_name = chance(g, 85),
                      .submitted_at = submitted,
                      .state_since = since,
                      .contact_id = contact };
    /* In its final state at once: a second write of the row would index
     * its text again (on PostgreSQL the larger part of the load). */
    if (store_initiative_insert(db, tenant, &in, created, &in.id) != DB_OK)
        return 0;

    CodeName tcodes[4], scodes[3];
    char snum[3][4];
    for (size_t i = 0; i < n_themes; i++)
        tcodes[i] = (CodeName){ .code = themes[i] };
    size_t n_sdgs = 0, want = 1 + rng_below(g, 3);
    for (size_t k = 0; k < COUNT(theme_sdgs); k++)
        if (strcmp(theme_sdgs[k].theme, themes[0]) == 0)
            for (; n_sdgs < want; n_sdgs++) {
                snprintf(snum[n_sdgs], sizeof snum[n_sdgs], "%d", theme_sdgs[k].sdgs[n_sdgs]);
                scodes[n_sdgs] = (CodeName){ .code = snum[n_sdgs] };
            }
    Link link;
    in.themes = tcodes;
    in.n_themes = n_themes;
    in.sdgs = scodes;
    in.n_sdgs = n_sdgs;
    if (chance(g, 25)) {
        static const char *const kinds_of_link[][2] = { { "website", "https://www.example.nl/" },
                                                        { "instagram", "https://instagram.example.nl/" },
                                                        { "facebook", "https://facebook.example.nl/" } };
        size_t k = rng_below(g, COUNT(kinds_of_link));
        buf_reset(&x->scratch);
        buf_puts(&x->scratch, kinds_of_link[k][1]);
        email_part(&x->scratch, idea->title);
        email_part(&x->scratch, area->name);
        link = (Link){ .kind = kinds_of_link[k][0], .url = buf_cstr(&x->scratch) };
        in.links = &link;
        in.n_links = 1;
    }
    if (store_initiative_set_tags(db, tenant, &in) != DB_OK)
        return 0;

    if (store_timeline_insert(db, tenant, in.id, created, ST_NONE, ST_IDEE, in.initiator_id, "Idee gedeeld.") != DB_OK)
        return 0;
    ProcState cur = ST_IDEE;
    for (size_t i = 0; i < n_steps; i++) {
        int64_t by = is_initiators_move(steps[i].to) ? in.initiator_id : contact ? contact : x->staff[0];
        if (store_timeline_insert(db, tenant, in.id, steps[i].at, cur, steps[i].to, by, note_text(g, steps[i].to))
            != DB_OK)
            return 0;
        cur = steps[i].to;
    }
    x->report->timeline += (long)n_steps + 1;

    Vars v = { .area = area->name, .room = PICK(g, town_of(area)->rooms), .thing = idea->thing };
    for (size_t i = 0; i < n_help; i++) {
        const char *kind = kinds[(start + i) % n_kinds];
        buf_reset(&x->scratch);
        expand(&x->scratch, help_lines[i], &v);
        HelpRequest h = { .kind = kind,
                          .description = buf_cstr(&x->scratch),
                          .amount_cents = strcmp(kind, "geld") == 0 ? rng_range(g, 6, 200) * 2500 : -1,
                          .state = help_state_for(g, state) };
        int64_t hid;
        if (store_help_request_insert(db, tenant, in.id, &h, created, &hid) != DB_OK)
            return 0;
    }
    x->report->help += (long)n_help;
    return 1;
}

static long setting_long(Ctx *c, const char *key)
{
    const char *v = store_setting_get(c->db, c->arena, c->tenant->id, key);
    return v ? strtol(v, NULL, 10) : 0;
}

static int setting_put_long(Ctx *c, const char *key, long value)
{
    return store_setting_set(c->db, c->tenant->id, key, arena_printf(c->arena, "%ld", value));
}

static int load_staff(Gen *x)
{
    User *staff;
    size_t n;
    if (store_staff(x->c->db, x->c->arena, x->c->tenant->id, &staff, &n) != DB_OK || n == 0)
        return 0;
    x->staff = arena_alloc(x->c->arena, n * sizeof *x->staff);
    for (size_t i = 0; i < n; i++)
        if (staff[i].role == ROLE_OFFICIAL)
            x->staff[x->n_staff++] = staff[i].id;
    if (!x->n_staff)
        x->staff[x->n_staff++] = staff[0].id;
    return 1;
}

/* Picks up to want different codes from the comma-separated pool. */
static size_t pick_codes(Rng *g, char *buf, size_t size, const char *pool, size_t want, const char **out)
{
    const char *v[12];
    size_t n = split(buf, size, pool, v, 12);
    if (want > n)
        want = n;
    for (size_t i = 0; i < want; i++) { /* a partial Fisher-Yates shuffle */
        size_t j = i + rng_below(g, n - i);
        const char *t = v[i];
        v[i] = v[j];
        v[j] = t;
        out[i] = v[i];
    }
    return want;
}

/* count organisations numbered on from first_number, with their own
 * generator so the initiatives stay as they were before organisations
 * were added. Their codes are the name's slug and the number: unique in
 * the municipality and the same on every database. */
static int make_organisations(Gen *x, long count, long first_number, uint64_t seed, const char **err)
{
    Ctx *c = x->c;
    Rng g = { .s = seed };
    const Area *wijken[32], *buurten[256];
    size_t n_wijken = 0, n_buurten = 0;
    for (size_t i = 0; i < x->n_areas; i++) {
        if (strcmp(x->areas[i].kind, "wijk") == 0 && n_wijken < COUNT(wijken))
            wijken[n_wijken++] = &x->areas[i];
        else if (n_buurten < COUNT(buurten))
            buurten[n_buurten++] = &x->areas[i];
    }
    if (!n_wijken || !n_buurten)
        return 1;
    Buf name, offer, contact, website;
    buf_init(&name);
    buf_init(&offer);
    buf_init(&contact);
    buf_init(&website);
    int ok = 1;
    for (long i = 0; i < count && ok; i++) {
        size_t k = 0;
        for (int r = (int)rng_below(&g, 100); k + 1 < COUNT(org_kinds) && r >= org_kind_weights[k]; k++)
            r -= org_kind_weights[k];
        const OrgKind *kind = &org_kinds[k];
        size_t n_prefixes = 0;
        while (n_prefixes < COUNT(kind->prefixes) && kind->prefixes[n_prefixes])
            n_prefixes++;
        const Area *home = NULL; /* the wijk it works in, when its name says so */
        buf_reset(&name);
        buf_puts(&name, kind->prefixes[rng_below(&g, n_prefixes)]);
        buf_putc(&name, ' ');
        switch (kind->suffix) {
        case 1:
            buf_puts(&name, PICK(&g, last_names));
            break;
        case 2: { /* a town, a buurt or a made-up name, so names repeat less */
            size_t r = rng_below(&g, 10);
            buf_puts(&name, r < 3 ? PICK(&g, towns).name
                            : r < 6 ? buurten[rng_below(&g, n_buurten)]->name
                                    : PICK(&g, org_names));
            break;
        }
        case 3: {
            const Area *b = buurten[rng_below(&g, n_buurten)];
            buf_puts(&name, b->name);
            for (size_t w = 0; w < n_wijken; w++)
                if (b->parent && strcmp(b->parent, wijken[w]->code) == 0)
                    home = wijken[w];
            break;
        }
        default:
            buf_puts(&name, PICK(&g, org_names));
            break;
        }
        const char *slug = directory_slug(c->arena, buf_cstr(&name));
        const char *code = arena_printf(c->arena, "%s-%ld", slug, first_number + i);

        char tbuf[160], hbuf[160];
        const char *themes[3], *help[3], *areas[2];
        size_t n_themes = pick_codes(&g, tbuf, sizeof tbuf, kind->themes, 1 + rng_below(&g, 3), themes);
        size_t n_help = pick_codes(&g, hbuf, sizeof hbuf, kind->help, 1 + rng_below(&g, 3), help);
        size_t n_areas = 0;
        if (home)
            areas[n_areas++] = home->code;
        else if (chance(&g, kind->local)) {
            home = wijken[rng_below(&g, n_wijken)];
            areas[n_areas++] = home->code;
            const char *second = wijken[rng_below(&g, n_wijken)]->code;
            if (chance(&g, 30) && strcmp(second, areas[0]) != 0)
                areas[n_areas++] = second;
        }

        buf_reset(&offer);
        for (size_t h = 0; h < n_help; h++)
            for (size_t o = 0; o < COUNT(help_offers); o++)
                if (strcmp(help_offers[o].kind, help[h]) == 0) {
                    if (h)
                        buf_putc(&offer, ' ');
                    buf_puts(&offer, help_offers[o].offer);
                }
        buf_reset(&website);
        buf_reset(&contact);
        const char *domain = arena_printf(c->arena, "%.40s.example.nl", slug);
        switch (rng_below(&g, 4)) {
        case 0:
            buf_printf(&contact, "Mail naar info@%s.", domain);
            break;
        case 1:
            buf_printf(&contact, "Loop binnen op %s, of mail naar info@%s.", PICK(&g, days), domain);
            break;
        case 2:
            buf_puts(&contact, "Bel of mail het secretariaat; de gegevens staan op onze website.");
            break;
        default:
            buf_printf(&contact, "Spreek ons aan in %s.", PICK(&g, PICK(&g, towns).rooms));
            break;
        }
        if (chance(&g, 60) || rng_below(&g, 4) == 2)
            buf_printf(&website, "https://www.%s", domain);
        const char *description =
            arena_printf(c->arena, "%s is een %s in %s. %s", buf_cstr(&name), kind->kind,
                         home ? home->name : c->tenant->name, kind->about);
        OrganisationInput in = { .name = buf_cstr(&name),
                                 .kind = kind->kind,
                                 .description = description,
                                 .offer = buf_cstr(&offer),
                                 .contact = buf_cstr(&contact),
                                 .website = buf_cstr(&website),
                                 .themes = themes,
                                 .n_themes = n_themes,
                                 .help_kinds = help,
                                 .n_help_kinds = n_help,
                                 .areas = areas,
                                 .n_areas = n_areas };
        if (store_organisation_insert(c->db, c->tenant->id, code, &in, c->now) != DB_OK
            || store_organisation_set_lists(c->db, c->tenant->id, code, &in) != DB_OK) {
            *err = arena_printf(c->arena, "organisatie %s kon niet worden gemaakt", code);
            ok = 0;
        }
    }
    x->report->organisations = ok ? count : 0;
    buf_free(&name);
    buf_free(&offer);
    buf_free(&contact);
    buf_free(&website);
    return ok;
}

static int run(Gen *x, long n, void (*progress)(long, long), const char **err)
{
    Ctx *c = x->c;
    if (db_begin(c->db) != DB_OK)
        return 0;
    long run_no = setting_long(c, "demo.scale.runs") + 1, people_before = setting_long(c, "demo.scale.people");
    long n_people = n / 3 < 20 ? 20 : n / 3;
    x->g.s = 0x5ca1ab1eULL + (uint64_t)run_no;
    x->report->run = (int)run_no;
    char hash[crypto_pwhash_STRBYTES];
    if (password_hash(DEMO_PASSWORD, hash, sizeof hash) != 0) {
        *err = "wachtwoord kon niet worden versleuteld";
        db_rollback(c->db);
        return 0;
    }
    long n_orgs = n / 20, orgs_before = setting_long(c, "demo.scale.organisations");
    if (!make_people(x, n_people, people_before + 1, hash, err)
        || !make_organisations(x, n_orgs, orgs_before + 1, 0x0a9a5eedULL + (uint64_t)run_no, err)
        || setting_put_long(c, "demo.scale.runs", run_no) != DB_OK
        || setting_put_long(c, "demo.scale.people", people_before + n_people) != DB_OK
        || setting_put_long(c, "demo.scale.organisations", orgs_before + n_orgs) != DB_OK)
        goto fail;
    for (long i = 0; i < n; i++) {
        if (!add_one(x)) {
            *err = arena_printf(c->arena, "initiatief %ld kon niet worden gemaakt: %s", i + 1, db_errmsg(c->db));
            goto fail;
        }
        x->report->initiatives++;
        if ((i + 1) % BATCH == 0 || i + 1 == n) {
            if (db_commit(c->db) != DB_OK)
                goto fail;
            if (progress)
                progress(i + 1, n);
            if (i + 1 < n && db_begin(c->db) != DB_OK)
                return 0;
        }
    }
    return 1;
fail:
    if (!*err)
        *err = db_errmsg(c->db);
    db_rollback(c->db);
    return 0;
}

Status scale_load(Ctx *c, long n, ScaleReport *out, void (*progress)(long done, long total), const char **err)
{
    memset(out, 0, sizeof *out);
    *err = NULL;
    if (n <= 0)
        return STATUS_OK;
    Gen x = { .c = c, .report = out };
    if (store_areas(c->db, c->arena, c->tenant->id, &x.areas, &x.n_areas) != DB_OK || x.n_areas == 0) {
        *err = "er zijn geen wijken en buurten; draai eerst wijzer init";
        return ERR_INTERNAL;
    }
    if (!load_staff(&x)) {
        *err = "er zijn geen medewerkers; laad eerst de demo (--demo)";
        return ERR_INTERNAL;
    }
    buf_init(&x.title);
    buf_init(&x.summary);
    buf_init(&x.description);
    buf_init(&x.scratch);
    db_bulk(c->db, 1);
    int ok = run(&x, n, progress, err);
    if (db_bulk(c->db, 0) != DB_OK)
        ok = 0;
    if (ok && store_search_optimize(c->db) != DB_OK) {
        *err = "de zoekindex kon niet worden bijgewerkt";
        ok = 0;
    }
    buf_free(&x.title);
    buf_free(&x.summary);
    buf_free(&x.description);
    buf_free(&x.scratch);
    free(x.people);
    if (!ok && !*err)
        *err = "mislukt";
    return ok ? STATUS_OK : ERR_INTERNAL;
}
