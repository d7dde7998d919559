"""Word lists of general news English that the drafting rules use (no article-specific words)."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The set of space-separated words of a text."""
    return frozenset(text.split())


# Verbs that report speech or a claim ("X said", "said X", "according to X").
REPORTING_VERBS = words(
    "said says say saying stated states stating told tells telling claimed claims claiming"
    " added adds adding announced announces announcing declared declares declaring insisted"
    " insists insisting warned warns warning argued argues arguing noted notes noting wrote"
    " writes writing tweeted posted explained explains asked asks asking replied replies"
    " responded responds responding vowed vows vowing accused accuses accusing urged urges"
    " urging called calls calling described describes describing demanded demands demanding"
    " criticized criticised criticizes criticises condemned condemns condemning denounced"
    " denounces denouncing cited cites citing expressed expresses expressing reported reports"
    " reporting estimated estimates estimating spoke speaks termed terms recalled admitted"
    " acknowledged suggested suggests predicted promised promises threatened confirmed"
    " admits concedes recalls remembers remembered joked jokes laughed laughs agreed agrees"
    " continued continues insisted observed observes remarked remarks answered answers"
    " confirms denied denies stressed emphasised emphasized conceded clarified blamed blames"
    " praised hailed labelled labeled dubbed branded recorded counted put gave"
    # verbs of the voice and of a speech's turns that news puts after a quotation ("“…!”
    # shouted one fan", "“…,” he pointed out", "“…,” she concluded")
    " shouted shouts cried cries exclaimed exclaims whispered whispers sighed sighs yelled"
    " screamed pleaded pleads boasted boasts complained complains revealed reveals protested"
    " chanted chant chanting concluded concludes maintained maintains pointed points quipped"
    " retorted countered counters wondered wonders acknowledges muttered mutters"
)
# Titles written before a name ("President Nicolás Maduro", "Foreign Minister X").
TITLES = words(
    "President Vice Prime Minister Secretary General Undersecretary Under-Secretary Chancellor"
    " Senator Sen. Representative Rep. Governor Gov. Mayor Judge Justice King Queen Prince"
    " Princess Pope Cardinal Bishop Archbishop Rabbi Imam Sheikh Emir Sultan Ambassador"
    " Commissioner Director Chairman Chairwoman Chair Chief Commander Gen. Col. Lt. Sgt. Capt."
    " Captain Colonel Lieutenant Sergeant Admiral Marshal Mr. Mrs. Ms. Miss Dr. Prof. Professor"
    " Mr Mrs Ms Dr Prof Gen Col Lt Sgt Capt Rev St"
    " Sir Dame Lord Lady Speaker Leader Deputy Foreign Interior Defence Defense Finance Health"
    " Justice Premier Officer Detective Inspector Superintendent Constable Agent Attorney"
    " Councillor Councilman Councilwoman Coach Father Sister Brother Rev. Reverend Saint St."
    " MP MEP MSP Congressman Congresswoman Assemblyman Assemblywoman Executive"
)
# Honorifics that tell a person's sex (used for he/she).
MALE = words("Mr. Mr Sir Lord King Prince Father Brother spokesman chairman councilman")
FEMALE = words("Mrs. Mrs Ms. Ms Miss Dame Lady Queen Princess Sister spokeswoman chairwoman"
                " councilwoman")
# Lower-case nouns that name a role and may stand right before a name ("billionaire Elon Musk").
ROLE_NOUNS = words(
    # round 23: posts news puts before a name ("NASA administrator Ana Ruiz")
    "administrator superintendent dean rector pastor lieutenant sergeant colonel admiral"
    " magistrate solicitor barrister treasurer trustee coordinator magnate cosmonaut dietitian"
    " trainer instructor tutor"
    " pollster strategist columnist commentator mogul tycoon correspondent conservationist"
    " president minister secretary chief leader spokesman spokeswoman spokesperson director"
    " head chairman chairwoman chair governor mayor senator ambassador envoy commander general"
    " official officer candidate billionaire businessman businesswoman entrepreneur founder"
    " executive ceo economist analyst expert researcher scientist professor lawyer attorney"
    " judge prosecutor activist campaigner journalist reporter editor author writer actor"
    " actress singer player coach manager captain owner investor banker diplomat negotiator"
    " adviser advisor aide deputy lawmaker legislator politician figure figures heir member"
    " rapper star striker goalkeeper artist director producer resident witness survivor"
    " doctor nurse teacher student worker farmer soldier commissioner inspector detective"
    " chancellor premier monarch king queen prince princess pope cardinal bishop imam rabbi"
    " vice-president undersecretary strongman dictator opponent rival challenger incumbent"
    " nominee winner veteran sheriff councillor councilor mp mep representative delegate"
    " champion medallist medalist olympian runner-up sprinter boxer golfer cyclist swimmer"
    " runner jockey gymnast skater climber mountaineer explorer adventurer pioneer inventor"
    " philanthropist auctioneer sculptor painter illustrator cartoonist composer conductor"
    " pianist guitarist drummer songwriter playwright screenwriter stylist"
    " organiser organizer protester campaigner chief-executive boss"
    # trades and professions news puts before a name ("art critic Laura Finch")
    " critic developer designer engineer architect astronaut pilot photographer historian"
    " novelist poet statistician psychologist physicist biologist chemist geneticist surgeon"
    " dentist curator presenter broadcaster comedian musician chef athlete footballer"
    " consultant lecturer headteacher blogger filmmaker dancer priest vicar firefighter"
    " paramedic volunteer shopkeeper landlord pensioner spokesperson ecologist zoologist"
    " epidemiologist nutritionist physician psychiatrist astronomer mathematician"
    # kin and friends: "His wife, Ana, added" names a person, not a body
    " wife husband son daughter mother father brother sister partner widow widower"
    " grandmother grandfather grandson granddaughter uncle aunt cousin niece nephew"
    " girlfriend boyfriend fiancé fiancée friend colleague neighbour neighbor classmate"
    " teammate schoolmate flatmate housemate roommate"
)
# Verbs that end like an agent noun in -ist ("insist", "persist"): no role.
_IST_VERBS = words("exist insist assist resist persist consist subsist desist")


def is_role_noun(word: str) -> bool:
    """A role or trade news puts before a name: one of ROLE_NOUNS (or one with -general,
    -elect …), or an agent noun in -ist (a person who practises something: "specialist",
    "lobbyist"), singular."""
    word = word.lower()
    for suffix in ("-general", "-elect", "-in-chief", "-designate"):
        if word.endswith(suffix) and word.removesuffix(suffix) in ROLE_NOUNS:
            return True  # "secretary-general", "president-elect", "editor-in-chief"
    return word in ROLE_NOUNS or (len(word) >= 7 and word.endswith("ist") and word.isalpha()
                                  and word not in _IST_VERBS)


# Adjectives news puts before a role and a name, opening a sentence ("Retired postman Tom
# Hale said", "Local baker Ana Ruiz …"): no name of their own.
ROLE_ADJECTIVES = words(
    "former retired local veteran senior junior young elderly fellow top leading famous"
    " renowned celebrated acclaimed award-winning acting outgoing incoming late prominent"
    " influential controversial wealthy married teenage disabled unemployed pregnant"
    " volunteer amateur professional freelance independent experienced"
)
# Capitalised words that make a name an organisation.
ORG_WORDS = words(
    "Organization Organisation Court Council Commission Union Party Ministry Office Agency"
    " Bank Committee Association Institute University College Department Police Army Navy"
    " Forces Force Assembly Parliament Congress Senate House Government Company Corporation"
    " Corp. Inc. Inc Ltd Ltd. Group Foundation Fund Federation League Movement Front Alliance"
    " Coalition Network Service Services Authority Board Bureau Centre Center Society Club"
    " Centres Centers"
    " Times News Post Press Journal Tribune Herald Television Radio Broadcasting Church"
    " School Hospital Nations Commission Tribunal Cabinet Embassy Consulate Airlines Airways"
    " Railways Exchange Reserve Treasury Command Guard Brigade Unit Watch International"
    " Programme Program Project Campaign Trust Partnership Council Conference Secretariat"
    " Organisation Chamber Administration Directorate Inc Co. Plc PLC LLC AG SA GmbH Corp"
    " Holdings Industries Motors Airline Bank Group Systems Technologies Labs Energy"
    " Research Premiership Embassy Magazine Gazette Guardian Telegraph Observer Review"
    " FC AFC United Athletic Rovers Wanderers"
    " Academy Academies Laboratory Laboratories Institution Orchestra Museum Gallery Library"
)
# Capitalised words that make a name a thing, neither a person nor a body (no entity).
THING_WORDS = words(
    "Scheme Report Act Bill Treaty Agreement Accord Pact Protocol Convention Declaration"
    " Strategy Plan Policy Initiative Day Week Month Year Festival Awards Prize Cup Games"
    " Olympics Championship Championships Tournament Index Survey Census Law Amendment"
    " Award Medal Hurricane Storm Typhoon Cyclone"
    # laws and listings a body makes, and flags: "the EU Habitats Directive", "a World
    # Heritage Site", "the Union Flag"
    " Directive Regulation Regulations Site Flag"
    # military operations and feasts of the year: "Operation Desert Wind", "at Easter"
    " Operation Christmas Easter Ramadan Eid Diwali Hanukkah Passover Thanksgiving Lent"
    " Halloween Advent Pentecost"
    # a technical system is a thing: "the Global Positioning System", "the Space Launch System"
    " System"
)
# Acronyms for things, not bodies: alone they are no organisation ("DNA", "TV", "GDP").
THING_ACRONYMS = words(
    "DNA RNA TV CCTV GDP GNP CEO CFO COO CTO HIV AIDS PC IT AI GPS SMS PIN DVD CD ID VIP IQ"
    " UV LED LCD USB PDF HD MRI CT ICU FAQ OK AM PM BC AD VAT IVF ADHD PTSD BMI CO2 LGBT"
    " LGBTQ PR HR IPO ATM SUV EV AC DJ MP3 PhD MBA PE GCSE GCSEs DIY SAT SATs"
)
# Capitalised words that make a name a place ("River Tagus", "Harbour Avenue").
PLACE_WORDS = words(
    "River Lake Mount Mountains Street Road Avenue Square Island Islands Bay Valley Sea Ocean"
    " Park Bridge Airport Station Lane Boulevard Harbour Harbor Beach Coast Gulf Strait Canal"
    " Desert Forest Peninsula Province District County"
    " Highlands Lowlands Hills Plains Marshes Moors Fens Wetlands Glacier"
)
# The continents and the large regions news names as places ("in Europe", "from Africa"):
# land, never a body that acts.
CONTINENTS = words(
    "Europe Africa Asia Antarctica Oceania Australasia Scandinavia Arctic Antarctic"
    " Caribbean Balkans Sahara"
) | frozenset({"North America", "South America", "Latin America", "Central America",
               "Middle East", "Far East", "Sub-Saharan Africa"})
# Lower-case heads of phrases standing for a group or body ("the prosecutor’s office").
GROUP_HEADS = words(
    "government opposition police army military ministry commission council court office"
    " parliament authorities officials spokesman spokeswoman spokesperson leaders forces"
    " prosecutors protesters protestors activists organisers organizers residents witnesses"
    " doctors experts analysts observers researchers investigators regime administration"
    " campaigners demonstrators rebels militants troops lawmakers legislators negotiators"
    " ngos unions union agency board committee critics supporters opponents voters citizens"
    " workers students teachers parents victims families villagers locals scientists"
    " marchers crowds fans passengers patients farmers drivers nurses doctors miners"
    " shoppers tourists migrants refugees survivors mourners pilgrims worshippers"
    " department regulator watchdog service groups parties charities governments"
    " executives bosses employees rescuers firefighters soldiers officers relatives pupils"
    " councillors councilors ministers diplomats economists lawyers judges politicians"
    " neighbours neighbors academics historians conservationists environmentalists ecologists"
)
# Sentence-initial capitalised words that are not names.
STOPWORDS = words(
    "The A An This That These Those It Its He She They We I You His Her Their Our My Your In"
    " On At By For From To Of With Without Since Until After Before During Despite Amid Amidst"
    " Among Following Meanwhile Earlier Later Then Now Today Yesterday Tomorrow However But And"
    " Or So Yet Also Both Either Neither Each Every All Some Many Most Several Few No Not"
    " When While Where Why How What Which Who Whom Whose If Although Though Because As Once"
    " Under Over About Around Across Against Between Within Into Upon There Here Such Other"
    " Another More Less One Two Three Four Five Six Seven Eight Nine Ten Last Next First"
    " Second Third Finally Still Even Only Just Instead Indeed Nevertheless Moreover"
    " Furthermore Thus Hence Overall Nearly Almost Roughly Approximately Up Down Out Off"
    " Asked Speaking According Like Unlike Through Throughout Toward Towards Beyond Near"
    " Inside Outside Behind Above Below Except Along Alongside Regarding Concerning Nor"
    " Others Everyone Everybody Someone Somebody Anyone Nobody None Neither Whoever"
    # adverbs and pronouns that open a sentence and never a name ("Afterwards he told …")
    " Afterwards Afterward Anyway Besides Otherwise Therefore Elsewhere Again Already Soon"
    " Nowadays Sometimes Often Perhaps Maybe Yes Twice Likewise Somehow Tonight Altogether"
    " Overnight Nonetheless Thereafter Accordingly Whether Whenever Wherever Whatever Lately"
    " Anyhow Regardless Alas Everywhere Nowhere Somewhere Anywhere Everything Nothing"
    " Something Anything Sometime"
)
DAYS_MONTHS = words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May"
    " June July August September October November December Jan. Feb. Mar. Apr. Jun. Jul. Aug."
    " Sep. Sept. Oct. Nov. Dec."
)
# Connectors allowed inside a multi-word name ("Organization of American States").
NAME_LINKS = words("of for de del della dello delle degli di da das do dos du des la le van von"
                   " der den bin al el y &")
PRONOUNS = {"he": "male", "she": "female", "He": "male", "She": "female"}
# Suffixes of words such as Venezuelan, Colombian, Western, Chinese, British, Iraqi.
DEMONYM_ENDINGS = ("an", "ian", "ean", "ese", "ish", "ic", "ern", "i", "ch")

# Words before a demonym in a two-word one ("Latin American", "South Korean", "Sri Lankan"):
# any other word before a name ending like a demonym ("Ivo Tran", "Sara Khan") makes a name.
REGION_FIRST = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern",
                          "Western", "Central", "Middle", "Latin", "New", "Sri", "Costa",
                          "Puerto", "Saudi", "Sub-Saharan", "Pan", "Anglo", "Afro", "Upper",
                          "Lower", "El", "Sierra", "Papua", "Trinidad"})

COUNTRIES = frozenset(
    line.strip()
    for line in """
    Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan
    Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia
    Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile
    China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark
    Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini
    Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala
    Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy
    Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos
    Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi
    Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro
    Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger
    Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama
    Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda
    Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia
    Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden
    Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Türkiye
    Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States
    Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Britain|England
    Scotland|Wales|America|U.S.|US|USA|U.S.A.|UK|U.K.|UAE|Gaza|Crimea|Greenland|Hong Kong
    """.replace("\n", "|").split("|")
    if line.strip()
)

# Number words and their values; ordinals map to the same values.
UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
ORDINALS = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
          "trillion": 10**12, "bn": 10**9, "tn": 10**12, "trn": 10**12, "m": 10**6,
          "k": 1000}
CURRENCIES = {"$": "dollars", "US$": "US dollars", "€": "euros", "£": "pounds", "¥": "yen",
              "₹": "rupees", "C$": "Canadian dollars", "A$": "Australian dollars"}
CURRENCY_WORDS = words("dollars euros pounds yen rupees yuan pesos rubles roubles francs"
                        " bolivars dinars riyals won")
# Words before a number and the FORMAT SPEC qualifier they give.
QUALIFIER_WORDS = {
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "a minimum of": "at least",
    "more than": "more than", "over": "more than", "above": "more than",
    "upwards of": "more than", "in excess of": "more than", "exceeding": "more than",
    "exceeds": "more than", "exceeded": "more than", "exceed": "more than",
    "surpassed": "more than", "surpasses": "more than", "topped": "more than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "as fast as": "up to",
    "as high as": "up to", "as long as": "up to", "as far as": "up to", "as large as": "up to",
    "as heavy as": "up to",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "almost exactly": "about", "nearly exactly": "about", "approx.": "about",
    "at most": "at most", "no more than": "at most", "a maximum of": "at most",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
    "below": "fewer than",
}
# Words after a number that qualify it ("1,000 or more").
QUALIFIER_AFTER = {"or more": "at least", "or so": "about", "plus": "at least",
                   "or fewer": "at most", "or less": "at most",
                   # an age or size and what is beyond it: "aged 65 or over" (round 23)
                   "or over": "at least", "and over": "at least", "or older": "at least",
                   "and older": "at least", "or above": "at least", "and above": "at least",
                   "or under": "at most", "and under": "at most", "or younger": "at most",
                   "or below": "at most"}
# Words that end a unit's noun phrase after a number.
UNIT_STOP = words(
    "alone where worth "
    "of in at to for from and or but with by on as than that which who whom whose have has"
    " had was were is are be been being will would could should may might can did do does"
    " also not this these those its their his her our was while since during after before"
    " into across against among amid between under over about around per cent percent it"
    " they he she we the a an said says according along through via near beyond toward"
    " towards inside outside within without despite except including like plus more less"
    " fewer again ago later earlier each every"
    " when whenever because if until unless although though so once"
    " already still now currently even just only today yet usually often"  # adverbs end it
)
# Event nouns after a year ("the 2024 election").
YEAR_NOUNS = words("election elections campaign season budget census summit olympics games"
                    " cup championship war crisis vote referendum")
YEAR_BEFORE = words("in since until till by from to of between before after and early late"
                     " mid summer spring autumn fall winter circa around through during")
