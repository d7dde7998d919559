"""A PDF's metadata that depends on nothing but its inputs: fixed dates, the XMP packet."""

from __future__ import annotations

import time

AUTHOR = "quizgen"


class Stamp:
    """reportlab's TimeStamp, fixed to a given UTC time instead of the clock or the environment."""

    def __init__(self, seconds: int) -> None:
        moment = time.gmtime(seconds)
        self.t = seconds
        self.lt = moment
        self.YMDhms = tuple(moment)[:6]
        self.dhh = self.dmm = 0
        self.tzname = "UTC"


def xmp_packet(*, title: str, subject: str, lang: str, timestamp: int) -> str:
    """The XMP metadata of a PDF: the title, subject, author, language and dates of its
    document information dictionary, in Dublin Core and XMP terms (text escaped for XML)."""
    iso = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))

    def alt(value: str) -> str:  # escaped as xml.sax.saxutils.escape does, without importing it
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{value}</rdf:li></rdf:Alt>'

    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        f"<dc:title>{alt(title)}</dc:title>\n"
        f"<dc:description>{alt(subject)}</dc:description>\n"
        f"<dc:creator><rdf:Seq><rdf:li>{AUTHOR}</rdf:li></rdf:Seq></dc:creator>\n"
        f"<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n"
        "<dc:format>application/pdf</dc:format>\n"
        f"<xmp:CreatorTool>{AUTHOR}</xmp:CreatorTool>\n"
        f"<xmp:CreateDate>{iso}</xmp:CreateDate>\n<xmp:ModifyDate>{iso}</xmp:ModifyDate>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
