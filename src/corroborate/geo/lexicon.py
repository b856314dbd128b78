"""Word lists that keep the place finder from reading ordinary words as places.

They are deliberately small and hand-curated; extend them when a real report trips the
finder (add a test with the sentence).
"""

from __future__ import annotations

from typing import Final

# Capitalised words that are also the name of some town somewhere (Police in Poland, Most in
# Czechia, Mobile in Alabama ...) but almost always mean the ordinary word in news text.
STOP_WORDS: Final[frozenset[str]] = frozenset(
    """
    A About According Across After Again Against All Also Although Among An And Another Any
    Are As At Authorities Before Being Both But By Can Central Check Chief City Could Date
    Despite District Down During Each Earlier Early East Eleven Empire English Even Every
    Few First Follow For Four From Further General Get Government Grand Great Has Have He
    Her Here High His Historically How However If In Interior Into It Its Just Last Later
    Liberation Local Long Many May Meanwhile Mobile Moreover Most Mr Mrs Ms Much Never New
    News No None North Not Now Of Off Officials On Once One Only Or Other Our Over Police
    Power Prime Minister President Province Provincial Rail Regional Resistance Said Security
    Several Sharing She Since Some South Staff Stay Still Such Than That The Their Them Then
    There These They This Those Three Through To Today Two Under Union Until Up Upon
    Victory Was We Were West What When Where Whether Which While Who Why Will With World Yet
    You Your Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April June July August September October November December Taliban Store Asia Europe
    Africa America Christmas Easter Hope Independence Liberty Justice Reform Progress Unity
    Eid Ramadan Reuters Mohsin Naqvi Shehbaz Sharif Shahid Rind Imran Khan Nawaz Asim Munir
    Ali Ahmed Ahmad Muhammad Mohammad Hassan Hussain Hussein Abdul Abdullah Omar Umar
    Center Centre Street Road Avenue Park Garden Gardens Church Metro Valley Forest Share
    Recovery Corporation Western Eastern Northern Southern Man Hit Van White Black Green
    Orange Christian Jack Sam James John Kelly Justin Martin Anthony Brown Smith Jones
    Welcome Well See Give Success Star Federal Downtown Annex Grill Zone Rest Jesus God
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Google Facebook Twitter Instagram
    YouTube Northeast Northwest Southeast Southwest
    Five Six Seven Eight Nine Ten Twelve Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen
    Nineteen Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety Hundred Hundreds Thousands
    Dozen Dozens
    """.split()
)

# Words that, two or more together, name a part of whatever town the report is about ("the
# South Side", "Charleston's East End"), however many towns elsewhere have them as a name.
AREA_WORDS: Final[frozenset[str]] = frozenset(
    """
    North South East West Northeast Northwest Southeast Southwest Side End Downtown Uptown
    Midtown Central Upper Lower Inner
    """.split()
)

# Organisation head words that make the place before them the force's own town, and so a
# mention of it: "Richmond Police", "the Stokes County Sheriff's Office".
FORCE_WORDS: Final[frozenset[str]] = frozenset({"Police", "Sheriff"})

# Organisation head words: a capitalised run ending in one of these (or containing one) is
# an organisation named after a place ("Balochistan Liberation Army", "Sindh Government"),
# not a mention of the place; the force words above are the one exception.
ORG_WORDS: Final[frozenset[str]] = FORCE_WORDS | frozenset(
    """
    Army Front Corps Party Movement Operation Force Forces League Group Council
    Government Ministry Tribune News Times Post Herald Dawn Express Airlines Airways Bank
    Club Company Agency Assembly Court Department Authority Brigade Regiment Command Division
    Battalion Rifles Scouts Levies Organisation Organization Association Committee Commission
    Institute College School University Hospital Empire Services Relations Store Office
    Foundation Society Trust Network Channel Radio Television Media Guard Guards Squad Unit
    Units Board Bureau Federation Alliance Coalition Congress Parliament Senate Cabinet
    Corporation Corp Inc LLC Ltd Broadcasting Communications Holdings Publishing
    """.split()
)

# Words that name a kind of place: next to a place name they keep the name a place
# ("Kabul Airport", "Quetta Cantonment", "Gwadar Port").
PLACE_WORDS: Final[frozenset[str]] = frozenset(
    """
    Airport Cantonment Station Port Harbour Harbor Bridge Border Crossing Camp Bazaar Market
    Square Stadium Highway Motorway Prison Jail Mosque Province District City Region County
    State Valley Road Street Tehsil Town Village Island Islands Coast Bay River Lake Dam
    """.split()
)

# Words that make the place name before them part of a street's or a site's name: "Columbus
# Street", "Mohawk St.", "Humboldt Park" (in Chicago). Such a name says nothing of the town.
STREET_WORDS: Final[frozenset[str]] = frozenset(
    """
    Street St St. Avenue Ave Road Rd Drive Dr Boulevard Blvd Lane Ln Way Ct Parkway
    Pkwy Pike Circle Terrace Trail Park Elementary Apartments Hotel Mall Plaza
    """.split()
)

# Words that make the following capitalised words a person's name ("Prime Minister Shehbaz
# Sharif", "spokesperson Shahid Rind"), compared in lower case.
TITLE_WORDS: Final[frozenset[str]] = frozenset(
    """
    minister president premier governor senator spokesperson spokesman spokeswoman mr mrs ms
    dr gen general lt col colonel maj major capt captain brig brigadier chief commander
    leader king queen prince princess sheikh imam judge justice secretary ambassador envoy
    mayor sir lord lady officer inspector superintendent sp dig igp
    """.split()
)

# Lower-case words allowed inside a multi-word place name ("Sistan and Baluchestan",
# "Rio de Janeiro", "Newcastle upon Tyne").
CONNECTORS: Final[frozenset[str]] = frozenset(
    "and de del da di du la le of al el upon on e y".split()
)

# Demonyms vote for their country when the finder weighs context, but are never returned
# as places themselves ("Pakistani forces" is not a mention of Pakistan as a place).
DEMONYMS: Final[dict[str, str]] = {
    "Pakistani": "PK",
    "Pakistanis": "PK",
    "Indian": "IN",
    "Indians": "IN",
    "Iranian": "IR",
    "Iranians": "IR",
    "Afghan": "AF",
    "Afghans": "AF",
    "Chinese": "CN",
    "American": "US",
    "Americans": "US",
    "British": "GB",
    "Russian": "RU",
    "Ukrainian": "UA",
    "Israeli": "IL",
    "Palestinian": "PS",
    "Syrian": "SY",
    "Iraqi": "IQ",
    "Saudi": "SA",
    "Turkish": "TR",
    "French": "FR",
    "German": "DE",
    "Bangladeshi": "BD",
    "Nepali": "NP",
    "Nepalese": "NP",
    "Mexican": "MX",
    "Canadian": "CA",
    "Australian": "AU",
    "Nigerian": "NG",
    "Kenyan": "KE",
    "Egyptian": "EG",
}

# US state abbreviations as they follow a town after a comma: the news agencies' style
# ("Topeka, Kan.", always with its full stop) and the postal codes ("Felton, MN"). Both map
# to the gazetteer's first-level code for the state, which is the postal code.
US_STATE_STYLE: Final[dict[str, str]] = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Cal": "CA", "Colo": "CO",
    "Conn": "CT", "Del": "DE", "D.C": "DC", "Fla": "FL", "Ga": "GA", "Ill": "IL",
    "Ind": "IN", "Kan": "KS", "Kans": "KS", "Ky": "KY", "La": "LA", "Md": "MD",
    "Mass": "MA", "Mich": "MI", "Minn": "MN", "Miss": "MS", "Mo": "MO", "Mont": "MT",
    "Neb": "NE", "Nebr": "NE", "Nev": "NV", "N.H": "NH", "N.J": "NJ", "N.M": "NM",
    "N.Y": "NY", "N.C": "NC", "N.D": "ND", "Okla": "OK", "Ore": "OR", "Oreg": "OR",
    "Pa": "PA", "Penn": "PA", "R.I": "RI", "S.C": "SC", "S.D": "SD", "Tenn": "TN",
    "Vt": "VT", "Va": "VA", "Wash": "WA", "W.Va": "WV", "W. Va": "WV", "Wis": "WI",
    "Wisc": "WI", "Wyo": "WY",
}  # fmt: skip
US_STATE_CODES: Final[frozenset[str]] = frozenset(
    "AL AK AZ AR CA CO CT DC DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split()
)
