"""ISO code lists the data is validated against (no runtime dependency needed)."""

from __future__ import annotations

from hled._text import fold

__all__ = ["COUNTRIES", "COUNTRY_NAMES", "CURRENCIES", "country_code_of"]

# ISO 3166-1 alpha-2, officially assigned codes.
_ALPHA2 = (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS "
    "BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE "
    "EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC "
    "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA "
    "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO "
    "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
)
COUNTRIES = frozenset(_ALPHA2.split())

# ISO 4217 active currency codes.
_ISO4217 = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP "
    "BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR "
    "FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES "
    "KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR "
    "MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF "
    "SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS "
    "UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF "
    "XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG"
)
CURRENCIES = frozenset(_ISO4217.split())


# The names people write for the countries in the data, in English and Spanish (docs/tutorial.md)
COUNTRY_NAMES = {
    "MX": ("Mexico", "México", "United Mexican States", "Estados Unidos Mexicanos", "MEX"),
    "US": (
        "United States",
        "United States of America",
        "USA",
        "U.S.",
        "U.S.A.",
        "Estados Unidos",
        "Estados Unidos de América",
        "EE. UU.",
        "EEUU",
        "EUA",
    ),
    "CA": ("Canada", "Canadá", "CAN"),
}
_COUNTRY_OF = {fold(text): code for code, texts in COUNTRY_NAMES.items() for text in texts}


def country_code_of(value: object) -> str:
    """The ISO 3166-1 alpha-2 code of a country: a code (any case), or a name people write for one in the data.

    Raises:
        TypeError: *value* is not a string.
        ValueError: *value* is neither a code nor a known name; the message lists the names.
    """
    if not isinstance(value, str):
        msg = f"country must be a code like 'MX' or a name like 'Mexico' (a str), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    code = value.strip().upper()
    if code in COUNTRIES:
        return code
    found = _COUNTRY_OF.get(fold(value))
    if found is None:
        names = "; ".join(f"{code}: {', '.join(texts)}" for code, texts in COUNTRY_NAMES.items())
        msg = f"country must be an ISO 3166-1 alpha-2 code like 'US' or 'MX', or one of these names ({names}); "
        msg += f"got {value!r}"
        raise ValueError(msg)
    return found
