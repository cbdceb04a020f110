//! Key words near a number, on its line within 64 characters: phone words ("tel",
//! "téléphone") let a bare digit run count as a phone, SSN words as an SSN, and label
//! words ("order", "Kundennummer", "IMEI", "SKU") say the number is something else. The
//! nearest key word before a number decides; number words ("number", "n°", "№") are weak
//! and only decide when nothing nearer-but-stronger is found.
//!
//! Words are found with one aho-corasick automaton over a bounded window per chunk, so the
//! whole scan stays linear.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use crate::scan::chars::{char_at, char_before, is_boundary_letter, is_boundary_word_char};
use crate::validate::email;

/// How far from a number a key word may be, in characters.
pub(crate) const CONTEXT_WINDOW: usize = 64;

/// What a key word says about a nearby number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    /// It is a phone number.
    Phone,
    /// "number", "n°": says nothing by itself; connects a label to its number.
    Number,
    /// It is an SSN.
    Ssn,
    /// It is some other identifier or quantity (order, invoice, IMEI, postcode...).
    Label,
    /// It is a product or parcel code (EAN, ISBN, tracking): not even a card.
    Code,
    /// "card": the number after it is a card or nothing. Not a label in front of the
    /// number (a phone number may follow the card it names: `card 4111… 0612345678`), but
    /// it decides as one (no phone or SSN word nearer), and it turns the word for number
    /// after it into a card's (`Kart numaram 3042 319995 9027`).
    Card,
}

/// Key words. A trailing `*` marks a stem (letters may follow: `telefon*` matches
/// `Telefonnummer`); a leading `*` marks a compound part (letters may precede:
/// `*rechnung*` matches `Telefonrechnung`). Other words stand alone.
const WORDS: &[(&str, Key)] = &[
    // Phone: English, French, Spanish, German, Ukrainian/Russian, Italian, Dutch,
    // Portuguese, Polish, Hindi, Chinese, Japanese, Korean, Thai.
    ("phone*", Key::Phone),
    ("telephone*", Key::Phone),
    ("tel", Key::Phone),
    ("mobile*", Key::Phone),
    ("cell", Key::Phone),
    ("cellphone*", Key::Phone),
    ("call", Key::Phone),
    ("call me", Key::Phone),
    ("call us", Key::Phone),
    ("text me", Key::Phone),
    ("reach me", Key::Phone),
    ("contact me", Key::Phone),
    ("whatsapp*", Key::Phone),
    ("viber*", Key::Phone),
    ("telegram*", Key::Phone),
    ("signal", Key::Phone),
    ("fax", Key::Phone),
    ("landline*", Key::Phone),
    ("téléphone*", Key::Phone),
    ("tél", Key::Phone),
    ("portable*", Key::Phone),
    ("joignable*", Key::Phone),
    ("appelez-moi", Key::Phone),
    ("appelle-moi", Key::Phone),
    ("rappelez-moi", Key::Phone),
    ("rappeler au", Key::Phone),
    ("teléfono*", Key::Phone),
    ("telefono*", Key::Phone),
    ("móvil*", Key::Phone),
    ("movil*", Key::Phone),
    ("celular*", Key::Phone),
    ("llámame", Key::Phone),
    ("llamame", Key::Phone),
    ("llámeme", Key::Phone),
    ("telefon*", Key::Phone),
    ("handy*", Key::Phone),
    ("mobil", Key::Phone),
    ("mobilnummer*", Key::Phone),
    ("mobiltelefon*", Key::Phone),
    ("rufnummer*", Key::Phone),
    ("festnetz*", Key::Phone),
    ("ruf mich an", Key::Phone),
    ("rückruf*", Key::Phone),
    ("телефон*", Key::Phone),
    ("тел", Key::Phone),
    ("мобільн*", Key::Phone),
    ("мобильн*", Key::Phone),
    ("подзвоніть", Key::Phone),
    ("зателефонуйте", Key::Phone),
    ("дзвоніть", Key::Phone),
    ("позвоните", Key::Phone),
    ("звоните", Key::Phone),
    ("вайбер*", Key::Phone),
    ("cellulare*", Key::Phone),
    ("chiamami", Key::Phone),
    ("chiamatemi", Key::Phone),
    ("scrivetemi", Key::Phone),
    ("telefoon*", Key::Phone),
    ("mobiel*", Key::Phone),
    ("bel me", Key::Phone),
    ("telefone*", Key::Phone),
    ("telemóvel*", Key::Phone),
    ("telemovel*", Key::Phone),
    ("komórk*", Key::Phone),
    ("फोन", Key::Phone),
    ("फ़ोन", Key::Phone),
    ("मोबाइल", Key::Phone),
    ("电话", Key::Phone),
    ("電話", Key::Phone),
    ("手机", Key::Phone),
    ("手機", Key::Phone),
    ("携帯", Key::Phone),
    ("ケータイ", Key::Phone),
    ("전화", Key::Phone),
    ("휴대폰", Key::Phone),
    ("핸드폰", Key::Phone),
    ("โทร", Key::Phone),
    ("เบอร์", Key::Phone),
    // Chat abbreviations and more markets: Spanish and Portuguese (`cel`, `me liga`, `zap`
    // for WhatsApp), Indian English (`mob`, `ph`), Polish, Turkish, Greek, Danish and
    // Norwegian (`tlf`), Malay and Indonesian (`hp`, `telp`), Vietnamese (`sđt`), WeChat,
    // Arabic, Hebrew, Persian.
    ("cel", Key::Phone),
    ("cel.", Key::Phone),
    ("márcame", Key::Phone),
    ("marcame", Key::Phone),
    ("wsp", Key::Phone),
    ("me liga", Key::Phone),
    ("liga pra mim", Key::Phone),
    ("ligue-me", Key::Phone),
    ("ligue para", Key::Phone),
    ("zap", Key::Phone),
    ("fone", Key::Phone),
    ("mob", Key::Phone),
    ("mob.", Key::Phone),
    ("ph", Key::Phone),
    ("ph.", Key::Phone),
    ("contact no", Key::Phone),
    ("contact number", Key::Phone),
    ("zadzwo*", Key::Phone),
    ("numaram", Key::Phone),
    ("numaramı", Key::Phone),
    ("beni ara", Key::Phone),
    ("arayın", Key::Phone),
    ("arayınız", Key::Phone),
    ("arayin", Key::Phone),
    ("cep telefon*", Key::Phone),
    ("τηλ", Key::Phone),
    ("τηλ.", Key::Phone),
    ("τηλέφωνο*", Key::Phone),
    ("τηλέφωνό*", Key::Phone),
    ("κινητό*", Key::Phone),
    ("tlf", Key::Phone),
    ("tlf.", Key::Phone),
    ("ring til", Key::Phone),
    ("ring meg", Key::Phone),
    ("ring mig", Key::Phone),
    ("hp", Key::Phone),
    ("telp", Key::Phone),
    ("telp.", Key::Phone),
    ("telepon*", Key::Phone),
    ("hubungi", Key::Phone),
    ("sđt", Key::Phone),
    // Asking to be called, as chat writes it: Polish, German, French, Spanish, Italian,
    // Portuguese, Dutch, English, Russian, Ukrainian.
    ("dzwoni*", Key::Phone),
    ("dzwoń", Key::Phone),
    ("ruf an", Key::Phone),
    ("rufen sie mich an", Key::Phone),
    ("anrufen", Key::Phone),
    ("erreichbar*", Key::Phone),
    ("kontakt", Key::Phone),
    ("контакт*", Key::Phone),
    ("для связи", Key::Phone),
    ("связаться", Key::Phone),
    ("для зв'язку", Key::Phone),
    ("для зв’язку", Key::Phone),
    ("зв'язатися", Key::Phone),
    ("зв’язатися", Key::Phone),
    ("iletişim*", Key::Phone),
    ("contact", Key::Phone),
    ("contactar*", Key::Phone),
    ("contacter", Key::Phone),
    ("contactez*", Key::Phone),
    ("contatt*", Key::Phone),
    ("erreichen", Key::Phone),
    ("appelle", Key::Phone),
    ("appelez", Key::Phone),
    ("appeler", Key::Phone),
    ("joindre", Key::Phone),
    ("llama al", Key::Phone),
    ("llamar al", Key::Phone),
    ("llámenos", Key::Phone),
    ("chiama*", Key::Phone),
    ("ligar para", Key::Phone),
    ("bellen", Key::Phone),
    ("bel ons", Key::Phone),
    ("ring me", Key::Phone),
    ("dial", Key::Phone),
    ("позвони*", Key::Phone),
    ("звони", Key::Phone),
    ("набери*", Key::Phone),
    ("подзвони", Key::Phone),
    ("дзвони", Key::Phone),
    // Czech, Slovak, Greek, Hungarian, Romanian, Finnish, Vietnamese, Hebrew, Arabic, and
    // Chile's `fono`.
    ("volejte", Key::Phone),
    ("volej", Key::Phone),
    ("volat", Key::Phone),
    ("zavolej*", Key::Phone),
    ("zavolat", Key::Phone),
    ("ozvěte se", Key::Phone),
    ("ozvi se", Key::Phone),
    ("volajte", Key::Phone),
    ("zavolaj*", Key::Phone),
    ("τηλεφωνήστε*", Key::Phone),
    ("τηλεφώνησε*", Key::Phone),
    ("τηλεφώνησέ*", Key::Phone),
    ("πάρε με", Key::Phone),
    ("πάρτε με", Key::Phone),
    ("καλέστε*", Key::Phone),
    ("κάλεσε*", Key::Phone),
    ("hívjon", Key::Phone),
    ("hívj", Key::Phone),
    ("hívjál", Key::Phone),
    ("hívd", Key::Phone),
    ("hívjanak", Key::Phone),
    ("sună-mă", Key::Phone),
    ("sunați-mă", Key::Phone),
    ("suna-ma", Key::Phone),
    ("sunati-ma", Key::Phone),
    ("soita*", Key::Phone),
    ("gọi", Key::Phone),
    ("תתקשר*", Key::Phone),
    ("התקשר*", Key::Phone),
    ("להתקשר", Key::Phone),
    ("חייג*", Key::Phone),
    ("اتصل*", Key::Phone),
    ("fono", Key::Phone),
    ("điện thoại", Key::Phone),
    ("微信", Key::Phone),
    ("هاتف*", Key::Phone),
    ("جوال*", Key::Phone),
    ("موبايل", Key::Phone),
    ("واتساب", Key::Phone),
    ("واتس", Key::Phone),
    ("رقمي", Key::Phone),
    // Round-10 probe: Swiss `Natel`, Belgian and Dutch `gsm`, Finnish `puh.`, Turkish
    // `cep no`, Polish `kom.`, Indonesian `ponsel`, Korean "contact", Bengali "phone".
    ("natel", Key::Phone),
    ("gsm", Key::Phone),
    ("puh", Key::Phone),
    ("puh.", Key::Phone),
    ("puhelin*", Key::Phone),
    // (Not `cep` alone: Brazil's postcode is the CEP, `CEP 01310-100`.)
    ("cep no", Key::Phone),
    ("cep tel", Key::Phone),
    ("cep tel.", Key::Phone),
    ("kom.", Key::Phone),
    ("ponsel", Key::Phone),
    ("연락처", Key::Phone),
    ("ফোন", Key::Phone),
    ("মোবাইল", Key::Phone),
    ("טלפון", Key::Phone),
    ("נייד", Key::Phone),
    ("تلفن", Key::Phone),
    ("موبایل", Key::Phone),
    // "My number": a phone.
    ("my number", Key::Phone),
    ("our number", Key::Phone),
    ("mi número", Key::Phone),
    ("mi numero", Key::Phone),
    ("mon numéro", Key::Phone),
    ("mon numero", Key::Phone),
    ("mio numero", Key::Phone),
    ("meu número", Key::Phone),
    ("meu numero", Key::Phone),
    ("mój numer", Key::Phone),
    ("moj numer", Key::Phone),
    ("meine nummer", Key::Phone),
    ("mijn nummer", Key::Phone),
    ("мой номер", Key::Phone),
    ("мій номер", Key::Phone),
    ("мой телефон", Key::Phone),
    ("मेरा नंबर", Key::Phone),
    ("ο αριθμός μου", Key::Phone),
    ("αριθμός μου", Key::Phone),
    ("τον αριθμό μου", Key::Phone),
    ("αριθμό μου", Key::Phone),
    // Calling back and texting: English, Italian, Spanish, Portuguese, Hindi.
    ("callback*", Key::Phone),
    ("call back", Key::Phone),
    ("call-back", Key::Phone),
    ("ring", Key::Phone),
    ("hotline*", Key::Phone),
    ("热线", Key::Phone),
    ("熱線", Key::Phone),
    ("ダイヤル", Key::Phone),
    ("sms", Key::Phone),
    ("richiam*", Key::Phone),
    ("contáctame", Key::Phone),
    ("contactame", Key::Phone),
    ("contáctenos", Key::Phone),
    ("contáctanos", Key::Phone),
    ("contacte-me", Key::Phone),
    ("contate-me", Key::Phone),
    ("contacta-me", Key::Phone),
    ("कॉल", Key::Phone),
    // Round-6 probe: calls and contacts as people write them in chat.
    ("llamá", Key::Phone),
    ("llamadme", Key::Phone),
    ("celu", Key::Phone),
    ("whats", Key::Phone),
    ("pode me ligar", Key::Phone),
    ("liga-me", Key::Phone),
    ("tlm", Key::Phone),
    ("tlm.", Key::Phone),
    ("contacto", Key::Phone),
    ("chiami", Key::Phone),
    ("oddzwoń*", Key::Phone),
    ("oddzwon*", Key::Phone),
    ("moje číslo", Key::Phone),
    ("κιν.", Key::Phone),
    ("nås på", Key::Phone),
    ("打嚟", Key::Phone),
    ("手提", Key::Phone),
    ("覆電", Key::Phone),
    ("передзвоніть", Key::Phone),
    ("перезвоните", Key::Phone),
    ("перезвони*", Key::Phone),
    ("تلفون", Key::Phone),
    ("كلموني", Key::Phone),
    ("كلمني", Key::Phone),
    ("תחזרו", Key::Phone),
    ("mera number", Key::Phone),
    ("tawagan", Key::Phone),
    ("flash me", Key::Phone),
    ("telpon", Key::Phone),
    ("zalo", Key::Phone),
    ("đt", Key::Phone),
    // Round-7 probe leaks: Portuguese `ligue` / `liga no` (call), Polish `infolinia`
    // (helpline), Chinese dialling verbs (拨打, 致电, 打给: `打` alone also means "discount",
    // "print", "open").
    ("ligue", Key::Phone),
    ("liga no", Key::Phone),
    ("ligue no", Key::Phone),
    ("ligar no", Key::Phone),
    ("infolini*", Key::Phone),
    ("拨打", Key::Phone),
    ("撥打", Key::Phone),
    ("致电", Key::Phone),
    ("致電", Key::Phone),
    ("打给", Key::Phone),
    ("打給", Key::Phone),
    ("来电", Key::Phone),
    ("來電", Key::Phone),
    // Number words: they connect a label to its number (`order number`, `commande n°`).
    ("number", Key::Number),
    ("numbers", Key::Number),
    ("no.", Key::Number),
    ("nr", Key::Number),
    ("nr.", Key::Number),
    ("n°", Key::Number),
    ("nº", Key::Number),
    ("n.", Key::Number),
    ("№", Key::Number),
    ("numéro", Key::Number),
    ("numero", Key::Number),
    ("número", Key::Number),
    ("*nummer", Key::Number),
    ("numer", Key::Number),
    ("номер*", Key::Number),
    ("नंबर", Key::Number),
    ("番号", Key::Number),
    ("編號", Key::Number),
    ("编号", Key::Number),
    ("号", Key::Number),
    ("號", Key::Number),
    ("nomor", Key::Number),
    ("号码", Key::Number),
    ("號碼", Key::Number),
    ("번호", Key::Number),
    ("số", Key::Number),
    ("no", Key::Number),
    ("nro", Key::Number),
    ("nro.", Key::Number),
    ("núm.", Key::Number),
    ("numara", Key::Number),
    ("numarası", Key::Number),
    ("száma", Key::Number),
    ("رقم", Key::Number),
    // SSN.
    ("ssn*", Key::Ssn),
    ("social security*", Key::Ssn),
    ("social", Key::Ssn),
    ("soc sec", Key::Ssn),
    ("soc. sec", Key::Ssn),
    ("ss#", Key::Ssn),
    ("ss #", Key::Ssn),
    ("ss number", Key::Ssn),
    ("itin", Key::Ssn),
    ("itins", Key::Ssn),
    ("tax id*", Key::Ssn),
    ("taxpayer id*", Key::Ssn),
    ("tin", Key::Ssn),
    // "Social security (number)" in the languages US customers and agents write it in
    // (round-8 probe): French, Spanish, Portuguese, Italian, German, Dutch, Polish,
    // Russian, Ukrainian, Greek, Turkish, Indonesian, Vietnamese, Arabic, Hebrew, Hindi,
    // Korean, Chinese, Japanese.
    ("sécurité sociale", Key::Ssn),
    ("securite sociale", Key::Ssn),
    ("seguro social", Key::Ssn),
    ("seguridad social", Key::Ssn),
    ("segurança social", Key::Ssn),
    ("previdenza sociale", Key::Ssn),
    ("sicurezza sociale", Key::Ssn),
    ("sozialversicherung*", Key::Ssn),
    ("sociale zekerheid*", Key::Ssn),
    ("sofinummer", Key::Ssn),
    ("ubezpieczenia społecznego", Key::Ssn),
    ("социального страхования", Key::Ssn),
    ("социального обеспечения", Key::Ssn),
    ("соціального страхування", Key::Ssn),
    ("соціального забезпечення", Key::Ssn),
    ("κοινωνικής ασφάλισης", Key::Ssn),
    ("sosyal güvenlik*", Key::Ssn),
    ("jaminan sosial", Key::Ssn),
    ("an sinh xã hội", Key::Ssn),
    ("الضمان الاجتماعي", Key::Ssn),
    ("ביטוח לאומי", Key::Ssn),
    ("सामाजिक सुरक्षा", Key::Ssn),
    ("사회보장번호", Key::Ssn),
    ("사회 보장 번호", Key::Ssn),
    ("社会安全号码", Key::Ssn),
    ("社会安全号", Key::Ssn),
    ("社会安全码", Key::Ssn),
    ("社安号", Key::Ssn),
    ("社會安全號碼", Key::Ssn),
    ("社會安全號", Key::Ssn),
    ("社安號", Key::Ssn),
    ("社会保障番号", Key::Ssn),
    ("ソーシャルセキュリティ", Key::Ssn),
    // Labels: the number is something else.
    // A payment card: its number is a card or nothing (a card that fails its checks is no
    // phone number, even after a word for number: `Kart numaram 3042 319995 9027`).
    ("card", Key::Card),
    ("cards", Key::Card),
    ("carte", Key::Card),
    ("cartes", Key::Card),
    ("tarjeta", Key::Card),
    ("karte", Key::Card),
    ("kreditkarte", Key::Card),
    ("kart", Key::Card),
    ("kartı", Key::Card),
    ("karta", Key::Card),
    ("karty", Key::Card),
    ("kartu", Key::Card),
    ("cartão", Key::Card),
    ("carta", Key::Card),
    ("kaart", Key::Card),
    ("картка", Key::Card),
    ("картки", Key::Card),
    ("карта", Key::Card),
    ("карты", Key::Card),
    ("thẻ", Key::Card),
    ("카드", Key::Card),
    ("カード", Key::Card),
    ("บัตร", Key::Card),
    ("بطاقة", Key::Card),
    ("कार्ड", Key::Card),
    ("order*", Key::Label),
    ("ref", Key::Label),
    ("ref.", Key::Label),
    ("reference*", Key::Label),
    ("invoice*", Key::Label),
    ("ticket*", Key::Label),
    ("account*", Key::Label),
    ("acct", Key::Label),
    ("customer id", Key::Label),
    ("client id", Key::Label),
    ("id", Key::Label),
    ("serial*", Key::Label),
    // Round-10 probe: serial numbers, timestamps, receipts, accounts, bank codes, articles,
    // meters and cases as chat in many languages labels them.
    // (Not `sn` alone: it is Senegal's IBAN code, `… мій це SN04 YT05 …`.)
    ("s/n", Key::Label),
    ("seriennr", Key::Label),
    ("seriennr.", Key::Label),
    ("seriennummer", Key::Label),
    ("número de serie", Key::Label),
    ("numéro de série", Key::Label),
    ("ts", Key::Label),
    ("timestamp", Key::Label),
    ("epoch", Key::Label),
    ("bill", Key::Label),
    ("receipt", Key::Label),
    ("complaint", Key::Label),
    ("paragon", Key::Label),
    ("struk", Key::Label),
    ("rekening", Key::Label),
    ("registro", Key::Label),
    ("caso", Key::Label),
    ("kayıt", Key::Label),
    ("art.", Key::Label),
    ("bik", Key::Label),
    ("mfo", Key::Label),
    ("мфо", Key::Label),
    ("рахунок", Key::Label),
    ("рахунку", Key::Label),
    ("meter*", Key::Label),
    ("zählerstand", Key::Label),
    ("compteur", Key::Label),
    ("contador", Key::Label),
    ("công tơ", Key::Label),
    ("mã kh", Key::Label),
    ("ใบแจ้งหนี้", Key::Label),
    ("เคส", Key::Label),
    ("บัญชี", Key::Label),
    ("มิเตอร์", Key::Label),
    ("เลขมิเตอร์", Key::Label),
    ("คำสั่งซื้อ", Key::Label),
    ("บัตรสมาชิก", Key::Label),
    ("영수증", Key::Label),
    ("문의번호", Key::Label),
    ("чек", Key::Label),
    ("계좌*", Key::Label),
    ("口座", Key::Label),
    ("帐号", Key::Label),
    ("الحساب", Key::Label),
    ("الرمز البريدي", Key::Label),
    ("رمز بريدي", Key::Label),
    ("کد پستی", Key::Label),
    ("حساب", Key::Label),
    ("sku", Key::Label),
    ("zip", Key::Label),
    ("zipcode", Key::Label),
    ("postcode*", Key::Label),
    ("postal*", Key::Label),
    ("transaction*", Key::Label),
    ("confirmation*", Key::Label),
    ("booking*", Key::Label),
    ("buchung*", Key::Label),
    ("reservation*", Key::Label),
    ("réservation*", Key::Label),
    ("reservierung*", Key::Label),
    ("reservering*", Key::Label),
    ("prenotazion*", Key::Label),
    ("rezerwacj*", Key::Label),
    ("rezervac*", Key::Label),
    ("rezervasyon*", Key::Label),
    ("boeking*", Key::Label),
    ("bokning*", Key::Label),
    ("бронировани*", Key::Label),
    ("бронюванн*", Key::Label),
    ("claim*", Key::Label),
    ("policy", Key::Label),
    ("contract*", Key::Label),
    ("member*", Key::Label),
    ("voucher*", Key::Label),
    ("coupon*", Key::Label),
    ("code", Key::Label),
    ("pin", Key::Label),
    ("otp", Key::Label),
    ("build", Key::Label),
    ("version*", Key::Label),
    ("versión", Key::Label),
    ("versão", Key::Label),
    ("versione", Key::Label),
    ("wersj*", Key::Label),
    ("верси*", Key::Label),
    ("версі*", Key::Label),
    ("item*", Key::Label),
    ("part", Key::Label),
    ("model", Key::Label),
    ("batch", Key::Label),
    ("room*", Key::Label),
    ("flight", Key::Label),
    ("size*", Key::Label),
    ("größe*", Key::Label),
    ("grösse*", Key::Label),
    ("taille*", Key::Label),
    ("talla*", Key::Label),
    ("taglia*", Key::Label),
    ("tamanho*", Key::Label),
    ("розмір*", Key::Label),
    ("размер*", Key::Label),
    ("бик", Key::Label),
    ("qty", Key::Label),
    ("quantity", Key::Label),
    ("total", Key::Label),
    ("population", Key::Label),
    ("lottery", Key::Label),
    ("iban", Key::Label),
    ("bic", Key::Label),
    ("swift", Key::Label),
    ("sort code", Key::Label),
    ("routing", Key::Label),
    ("aba", Key::Label),
    ("uid", Key::Label),
    ("vat", Key::Label),
    ("commande*", Key::Label),
    ("facture*", Key::Label),
    ("référence*", Key::Label),
    ("dossier*", Key::Label),
    ("compte*", Key::Label),
    ("contrat*", Key::Label),
    ("siren", Key::Label),
    ("siret", Key::Label),
    ("tva", Key::Label),
    ("iva", Key::Label),
    ("p.iva", Key::Label),
    ("p. iva", Key::Label),
    ("partita iva", Key::Label),
    ("btw", Key::Label),
    ("ust-idnr*", Key::Label),
    ("mwst*", Key::Label),
    ("code postal", Key::Label),
    ("pedido*", Key::Label),
    ("factura*", Key::Label),
    ("referencia*", Key::Label),
    ("cuenta*", Key::Label),
    ("contrato*", Key::Label),
    ("nif", Key::Label),
    ("cif", Key::Label),
    ("dni", Key::Label),
    ("código", Key::Number),
    ("codigo", Key::Number),
    ("código postal", Key::Label),
    ("código de cliente", Key::Label),
    ("codigo de cliente", Key::Label),
    ("mon numéro client", Key::Label),
    ("rastreio", Key::Code),
    ("rastreamento", Key::Code),
    ("*bestell*", Key::Label),
    ("bestel*", Key::Label),
    ("*auftrag*", Key::Label),
    ("*rechnung*", Key::Label),
    ("kunden*", Key::Label),
    ("*vertrag*", Key::Label),
    ("konto*", Key::Label),
    ("referenz*", Key::Label),
    ("vorgang*", Key::Label),
    ("aktenzeichen", Key::Label),
    ("steuer*", Key::Label),
    ("artikel*", Key::Label),
    ("teil", Key::Label),
    ("teile*", Key::Label),
    ("teilenummer", Key::Label),
    // Securities identifiers.
    ("cusip", Key::Label),
    ("isin", Key::Label),
    ("sedol", Key::Label),
    ("art.-nr", Key::Label),
    ("blz", Key::Label),
    ("замовлення*", Key::Label),
    ("заказ*", Key::Label),
    ("рахун*", Key::Label),
    ("счет*", Key::Label),
    ("счёт*", Key::Label),
    ("договір*", Key::Label),
    ("договор*", Key::Label),
    ("квитанц*", Key::Label),
    ("інн", Key::Label),
    ("инн", Key::Label),
    ("індекс*", Key::Label),
    ("индекс*", Key::Label),
    ("ordine*", Key::Label),
    ("fattura*", Key::Label),
    ("codice*", Key::Label),
    ("conto", Key::Label),
    ("conti", Key::Label),
    ("contratto*", Key::Label),
    ("factuur*", Key::Label),
    ("klantnummer*", Key::Label),
    ("fatura*", Key::Label),
    ("encomenda*", Key::Label),
    ("conta", Key::Label),
    ("contas", Key::Label),
    ("cpf", Key::Label),
    ("zamówien*", Key::Label),
    ("faktur*", Key::Label),
    ("nip", Key::Label),
    ("regon", Key::Label),
    ("pesel", Key::Label),
    ("〒", Key::Label),
    ("注文", Key::Label),
    ("订单", Key::Label),
    ("訂單", Key::Label),
    ("주문", Key::Label),
    ("đơn hàng", Key::Label),
    ("hóa đơn", Key::Label),
    ("mã khách hàng", Key::Label),
    // Customer, case and return numbers: French, English, German, Turkish, Russian,
    // Ukrainian, Arabic, Hindi, Japanese, Chinese, Korean. Customer words only as the
    // customer's number: alone they also name customer service, whose phone number follows
    // (`müşteri hizmetleri 0850 …`).
    // A card's expiry date and security code: what follows is a date and a code, not a
    // phone number (`exp 08/2029 - 123`).
    ("exp", Key::Label),
    ("exp.", Key::Label),
    ("expiry", Key::Label),
    ("expires", Key::Label),
    ("expiration", Key::Label),
    ("valid thru", Key::Label),
    ("valid through", Key::Label),
    ("valid until", Key::Label),
    ("gültig bis", Key::Label),
    ("ablaufdatum", Key::Label),
    ("vencimiento", Key::Label),
    ("vence", Key::Label),
    ("validade", Key::Label),
    ("scadenza", Key::Label),
    ("date d'expiration", Key::Label),
    ("son kullanma", Key::Label),
    ("ważna do", Key::Label),
    ("data ważności", Key::Label),
    ("срок действия", Key::Label),
    ("термін дії", Key::Label),
    ("hết hạn", Key::Label),
    ("masa berlaku", Key::Label),
    ("유효기간", Key::Label),
    ("有效期", Key::Label),
    ("有効期限", Key::Label),
    ("หมดอายุ", Key::Label),
    ("cvv", Key::Label),
    ("cvv2", Key::Label),
    ("cvc", Key::Label),
    ("réf", Key::Label),
    ("réf.", Key::Label),
    ("référence client", Key::Label),
    ("réf. client", Key::Label),
    ("numéro client", Key::Label),
    ("numéro de client", Key::Label),
    ("n° client", Key::Label),
    ("n° de client", Key::Label),
    ("rma", Key::Label),
    ("pnr", Key::Label),
    ("case number", Key::Label),
    ("case no", Key::Label),
    ("case no.", Key::Label),
    ("case id", Key::Label),
    ("case #", Key::Label),
    ("kd.-nr", Key::Label),
    ("kd.-nr.", Key::Label),
    ("kdnr", Key::Label),
    ("rg.-nr", Key::Label),
    ("rg.-nr.", Key::Label),
    ("sipariş*", Key::Label),
    ("müşteri numarası", Key::Label),
    ("müşteri no", Key::Label),
    ("müşteri numaram", Key::Label),
    ("orden", Key::Label),
    ("обращени*", Key::Label),
    ("заявк*", Key::Label),
    ("звернен*", Key::Label),
    ("фактур*", Key::Label),
    ("الطلب", Key::Label),
    ("طلب", Key::Label),
    ("فاتورة", Key::Label),
    ("الفاتورة", Key::Label),
    ("رقم العميل", Key::Label),
    ("ऑर्डर", Key::Label),
    ("चालान", Key::Label),
    ("ग्राहक संख्या", Key::Label),
    ("ग्राहक नंबर", Key::Label),
    ("受付番号", Key::Label),
    ("会員番号", Key::Label),
    ("顧客番号", Key::Label),
    ("发票", Key::Label),
    ("客户编号", Key::Label),
    ("客戶編號", Key::Label),
    ("고객번호", Key::Label),
    ("número de cliente", Key::Label),
    ("numero de cliente", Key::Label),
    ("nº de cliente", Key::Label),
    ("nº cliente", Key::Label),
    ("numer klienta", Key::Label),
    ("protocolo", Key::Label),
    ("pratica", Key::Label),
    ("referans", Key::Label),
    ("التذكرة", Key::Label),
    ("المرجع", Key::Label),
    ("इनवॉइस", Key::Label),
    ("आईडी", Key::Label),
    // Round-6 probe: utility and telco labels (meters, cases, contracts), customer and order
    // numbers said with a possessive (longer than the phone words `mi número`, `mon numéro`,
    // so they win the leftmost-longest match), and order words of more languages.
    ("meter number", Key::Label),
    ("meter no", Key::Label),
    ("meter no.", Key::Label),
    ("*zähler*", Key::Label),
    ("medidor", Key::Label),
    ("contatore", Key::Label),
    ("meternummer", Key::Label),
    ("licznik*", Key::Label),
    ("电表", Key::Label),
    ("電錶", Key::Label),
    ("nº de caso", Key::Label),
    ("n° de caso", Key::Label),
    ("número de caso", Key::Label),
    ("numero de caso", Key::Label),
    ("chamado", Key::Label),
    ("zgłoszeni*", Key::Label),
    ("talep", Key::Label),
    ("工单", Key::Label),
    ("工單", Key::Label),
    ("合約", Key::Label),
    ("sayaç", Key::Label),
    // Round-7 probe: labels written after a number, in more languages.
    ("hesap*", Key::Label),
    ("pesanan", Key::Label),
    ("nomor pelanggan", Key::Label),
    ("tiket", Key::Label),
    ("kontrak", Key::Label),
    ("tichet*", Key::Label),
    ("facturii", Key::Label),
    ("ügyfélszám*", Key::Label),
    ("számla*", Key::Label),
    ("jegyszám*", Key::Label),
    ("szerződés*", Key::Label),
    ("הלקוח", Key::Label),
    ("החשבונית", Key::Label),
    ("החשבון", Key::Label),
    ("הפנייה", Key::Label),
    ("החוזה", Key::Label),
    ("حسابي", Key::Label),
    ("طلبي", Key::Label),
    ("номер клиента", Key::Label),
    ("номер клієнта", Key::Label),
    ("σύμβασης", Key::Label),
    ("追跡", Key::Code),
    ("チケット", Key::Label),
    ("账号", Key::Label),
    ("帳號", Key::Label),
    ("kundnumret", Key::Label),
    ("zendingnummer", Key::Code),
    ("rekeningnummer", Key::Label),
    ("numer konta", Key::Label),
    ("číslo účtu", Key::Label),
    ("nota fiscal", Key::Label),
    ("folio", Key::Label),
    ("laskun", Key::Label),
    ("seurantanumero", Key::Code),
    ("tracciamento", Key::Code),
    ("계약*", Key::Label),
    ("티켓", Key::Label),
    ("umow*", Key::Label),
    ("sözleşme*", Key::Label),
    ("合同", Key::Label),
    ("契約", Key::Label),
    ("riferimento", Key::Label),
    ("referência", Key::Label),
    ("referentie", Key::Label),
    ("mi número de cliente", Key::Label),
    ("mi numero de cliente", Key::Label),
    ("mi número de pedido", Key::Label),
    ("mi numero de pedido", Key::Label),
    ("mon numéro de client", Key::Label),
    ("mon numéro de commande", Key::Label),
    ("meu número de cliente", Key::Label),
    ("meu número de pedido", Key::Label),
    ("поръчка*", Key::Label),
    ("поръчката", Key::Label),
    ("παραγγελί*", Key::Label),
    ("הזמנה", Key::Label),
    ("objednávk*", Key::Label),
    ("comand*", Key::Label),
    ("comenzii", Key::Label),
    ("rendelés*", Key::Label),
    ("tilaus*", Key::Label),
    ("asiakasnumero", Key::Label),
    ("ordre*", Key::Label),
    ("đơn số", Key::Label),
    // Product and parcel codes: not even a card.
    ("ean", Key::Code),
    ("gtin", Key::Code),
    ("upc", Key::Code),
    ("barcode*", Key::Code),
    ("isbn", Key::Code),
    ("imei", Key::Code),
    ("awb", Key::Code),
    ("waybill", Key::Code),
    ("vận đơn", Key::Code),
    ("tracking*", Key::Code),
    ("shipment*", Key::Code),
    ("parcel*", Key::Code),
    ("*sendung*", Key::Code),
    ("*paket*", Key::Code),
    ("colis", Key::Code),
    ("suivi", Key::Code),
    ("seguimiento", Key::Code),
    ("envío", Key::Code),
    ("накладн*", Key::Code),
    ("ттн", Key::Code),
    ("відстеження", Key::Code),
    ("отслеживани*", Key::Code),
    ("трек*", Key::Code),
    ("sendungsnummer*", Key::Code),
    ("посилк*", Key::Code),
    ("посылк*", Key::Code),
    ("track & trace", Key::Code),
    ("track and trace", Key::Code),
    ("takip*", Key::Code),
    ("kargo*", Key::Code),
    ("التتبع", Key::Code),
    ("الشحنة", Key::Code),
    ("ट्रैकिंग", Key::Code),
    ("伝票", Key::Code),
    ("問い合わせ番号", Key::Code),
    ("問合せ番号", Key::Code),
    ("快递单号", Key::Code),
    ("运单", Key::Code),
    ("運單", Key::Code),
    ("송장", Key::Code),
    ("운송장", Key::Code),
    ("kollinummer", Key::Code),
    ("sledovani*", Key::Code),
    // Round-8 and round-9 probes: Portuguese, Hebrew and Polish tracking labels.
    ("seguimento", Key::Code),
    ("przesyłk*", Key::Code),
    ("przesylk*", Key::Code),
    ("מעקב", Key::Code),
];

/// Byte kind: an ASCII letter or a byte of a non-ASCII character.
const LETTER: u8 = 2;
/// Byte kind: `\n` or `\r`.
const LINE_BREAK: u8 = 4;

/// A compiled set of key words.
#[derive(Debug, Clone)]
pub(crate) struct KeyWords {
    automaton: DFA,
    /// The automaton's unanchored start state.
    start: StateID,
    /// Per pattern: what it says, and its [`Shape`].
    info: Vec<(Key, Shape)>,
    /// The longest pattern, in bytes.
    longest: usize,
    /// Per byte value: [`LETTER`], [`LINE_BREAK`].
    byte_kinds: [u8; 256],
    /// Bit `a << 8 | b`: some key word holds byte `a` right before byte `b` (either case of
    /// an ASCII letter), so a match may cross the boundary between them.
    pairs: Box<[u64; 1024]>,
}

/// How a key word may stand in the text.
#[derive(Clone, Copy, Debug)]
struct Shape {
    /// Letters may follow it (a stem: `telefon*`).
    stem: bool,
    /// Letters may precede it (a compound part: `*rechnung*`).
    compound: bool,
    /// A shorter key word is a prefix of it (`ring` of `ring til`).
    has_prefix_word: bool,
}

/// One key word found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    start: usize,
    end: usize,
    key: Key,
    /// Where the automaton's match ended (`end` goes on to the end of a stem's word).
    matched_end: usize,
}

/// Key-word hits, held inline while they are few (a chat message holds one or two), so
/// that a message with a key word allocates nothing for them.
type Hits = smallvec::SmallVec<[Hit; 2]>;

impl KeyWords {
    /// The key words, compiled once per process and shared by every masker (they do not
    /// depend on the configuration).
    pub(crate) fn shared() -> &'static KeyWords {
        static WORDS: std::sync::LazyLock<KeyWords> = std::sync::LazyLock::new(KeyWords::new);
        &WORDS
    }

    fn new() -> KeyWords {
        let mut patterns = Vec::new();
        let mut info = Vec::new();
        for &(word, key) in WORDS {
            let (word, compound) = match word.strip_prefix('*') {
                Some(word) => (word, true),
                None => (word, false),
            };
            let (text, stem) = match word.strip_suffix('*') {
                Some(text) => (text, true),
                None => (word, false),
            };
            // ASCII letters are matched case-insensitively by the automaton; for the others
            // add the lower-case, upper-case and capitalised spellings.
            let mut spellings = vec![text.to_lowercase(), text.to_uppercase(), capitalise(text)];
            spellings.sort();
            spellings.dedup();
            for spelling in spellings {
                patterns.push(spelling);
                info.push((key, Shape { stem, compound, has_prefix_word: false }));
            }
        }
        // A DFA walked by `next_match` below: the searches are short (a few words before a
        // number), so the per-search set-up of `AhoCorasick::find_iter` cost more than the
        // walk itself. No prefilter: start states are then never special.
        let automaton = aho_corasick::dfa::Builder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(&patterns)
            .unwrap_or_else(|err| unreachable!("key word patterns are valid: {err}"));
        let start = automaton
            .start_state(Anchored::No)
            .unwrap_or_else(|err| unreachable!("the DFA has an unanchored start state: {err}"));
        let longest = patterns.iter().map(String::len).max().unwrap_or(0);
        for ((_, shape), has_prefix) in info.iter_mut().zip(has_prefix_word(&patterns)) {
            shape.has_prefix_word = has_prefix;
        }
        let mut byte_kinds = [0u8; 256];
        let mut pairs = Box::new([0u64; 1024]);
        for pattern in &patterns {
            for pair in pattern.as_bytes().windows(2) {
                for a in [pair[0].to_ascii_lowercase(), pair[0].to_ascii_uppercase()] {
                    for b in [pair[1].to_ascii_lowercase(), pair[1].to_ascii_uppercase()] {
                        let bit = usize::from(a) << 8 | usize::from(b);
                        pairs[bit >> 6] |= 1 << (bit & 63);
                    }
                }
            }
        }
        for (b, kinds) in (0..=u8::MAX).zip(&mut byte_kinds) {
            if b.is_ascii_alphabetic() || b >= 0x80 {
                *kinds |= LETTER;
            }
            if matches!(b, b'\n' | b'\r') {
                *kinds |= LINE_BREAK;
            }
        }
        KeyWords { automaton, start, info, longest, byte_kinds, pairs }
    }

    /// Whether a key word holds byte `a` right before byte `b`.
    #[inline]
    fn pair_in_patterns(&self, a: u8, b: u8) -> bool {
        let bit = usize::from(a) << 8 | usize::from(b);
        self.pairs[bit >> 6] >> (bit & 63) & 1 != 0
    }

    /// The last boundary after `floor` and before `to`, on the line of `to`, that no key
    /// word crosses and that has a letter (or a non-ASCII character) between it and `to`;
    /// `None` if there is none.
    fn boundary_before(&self, hay: &[u8], floor: usize, to: usize) -> Option<usize> {
        // A table lookup per byte and one per pair of bytes (`may_cross`); `floor + 1 <= at
        // < to` keeps both bytes of the pair in the haystack.
        let kinds = &self.byte_kinds;
        let mut at = to;
        let mut letters = false;
        while at > floor + 1 {
            at -= 1;
            let here = kinds[usize::from(hay[at])];
            if here & LINE_BREAK != 0 {
                return None;
            }
            letters |= here & LETTER != 0;
            if letters && !self.pair_in_patterns(hay[at - 1], hay[at]) {
                return Some(at);
            }
        }
        None
    }

    /// Whether a key word may cross the boundary before `at`: some key word holds the two
    /// bytes around it, one right after the other (`l m` in `call me`, but not `l p`). A
    /// search may start at a boundary no key word crosses and find exactly what a search
    /// from further back finds after it: a match found from further back that ends after
    /// the boundary starts at or after it.
    #[inline]
    fn may_cross(&self, hay: &[u8], at: usize) -> bool {
        at > 0 && at < hay.len() && self.pair_in_patterns(hay[at - 1], hay[at])
    }

    /// The leftmost-longest key word in `hay[from..to]`: its start, end and pattern index.
    /// (The search loop of `AhoCorasick::find`, without its set-up: walk the DFA until it
    /// dies, remembering the last match state passed.)
    #[inline]
    fn next_match(&self, hay: &[u8], from: usize, to: usize) -> Option<(usize, usize, usize)> {
        let dfa = &self.automaton;
        let mut state = self.start;
        let mut found = None;
        for (at, &b) in hay.get(from..to)?.iter().enumerate() {
            state = dfa.next_state(Anchored::No, state, b);
            if dfa.is_special(state) {
                if dfa.is_dead(state) {
                    break;
                }
                if dfa.is_match(state) {
                    let pattern = dfa.match_pattern(state, 0);
                    let end = from + at + 1;
                    found = Some((end - dfa.pattern_len(pattern), end, pattern.as_usize()));
                }
            }
        }
        found
    }

    /// Whether `hay` holds a phone, number or SSN key word anywhere.
    pub(crate) fn has_context_word(&self, hay: &[u8]) -> bool {
        let mut hits = Hits::new();
        self.find_in(hay, (0, hay.len()), None, &mut hits);
        hits.iter().any(|h| matches!(h.key, Key::Phone | Key::Number | Key::Ssn))
    }

    /// Pushes every key word in `hay[from..to]` that starts at or after `not_before` onto
    /// `hits`, left to right.
    fn find_in(&self, hay: &[u8], (from, to): (usize, usize), not_before: Option<usize>, hits: &mut Hits) {
        let mut at = from;
        while let Some((start, end, pattern)) = self.next_match(hay, at, to) {
            at = end;
            if not_before.is_some_and(|bound| start < bound) {
                continue;
            }
            if in_email_local_part(hay, end) {
                // A phrase running into an email's local part (`social securitymelissa@…`):
                // its words before the local part may still be key words (`social`), which
                // they are once masking has erased the local part. (One level: the words
                // found there are not searched again.)
                let local_start = start.max(end - local_part_before(hay, end));
                let mut inner = start;
                while local_start < end
                    && let Some((start, end, pattern)) = self.next_match(hay, inner, local_start)
                {
                    inner = end;
                    if !in_email_local_part(hay, end) {
                        self.push_hit(hay, (start, end, pattern), hits);
                    }
                }
                continue;
            }
            at = self.push_hit_or_shorter(hay, (start, end, pattern), hits);
        }
    }

    /// Pushes the automaton's match as a hit (see [`KeyWords::push_hit`]); when it runs into
    /// a longer word, the longest key word at the same place that ends before it instead
    /// (`ring tilbake`: not `ring til`, but `ring`). Returns where the search goes on.
    #[inline(always)]
    fn push_hit_or_shorter(&self, hay: &[u8], found: (usize, usize, usize), hits: &mut Hits) -> usize {
        if self.push_hit(hay, found, hits) {
            self.push_shorter(hay, found, hits);
        }
        found.1
    }

    /// The rare half of [`KeyWords::push_hit_or_shorter`]: pushes the longest key word that
    /// starts where `found` does, ends before it, and stands whole.
    #[cold]
    #[inline(never)]
    fn push_shorter(&self, hay: &[u8], found: (usize, usize, usize), hits: &mut Hits) {
        let mut found = found;
        while let Some(shorter) =
            self.next_match(hay, found.0, found.1 - 1).filter(|shorter| shorter.0 == found.0)
        {
            if !self.push_hit(hay, shorter, hits) {
                return;
            }
            found = shorter;
        }
    }

    /// Pushes the automaton's match as a hit when it stands as its pattern requires: whole
    /// word, stem or compound part; not one of piimask's own labels. Returns whether it was
    /// rejected only for running into a longer word and a shorter key word may fit there.
    fn push_hit(&self, hay: &[u8], (start, end, pattern): (usize, usize, usize), hits: &mut Hits) -> bool {
        let (key, Shape { stem, compound, has_prefix_word }) = self.info[pattern];
        let clean_start = compound || !char_before(hay, start).is_some_and(|(c, _)| is_boundary_word_char(c));
        let clean_end = stem || !char_at(hay, end).is_some_and(|(c, _)| is_boundary_letter(c));
        // `[PHONE]`, `[SSN]`: piimask's own labels are not context.
        let label = start > 0 && hay[start - 1] == b'[' && hay.get(end) == Some(&b']');
        // Nor is a label or code word inside an email's domain (`…@shop-id.com`); a phone or
        // SSN word there is kept, as it can only make more numbers values.
        let in_domain = || matches!(key, Key::Label | Key::Code | Key::Card) && in_email_domain(hay, start);
        if clean_start && clean_end && !label && !in_domain() {
            // A stem covers the rest of its word (`rooms`, `Bestellung`).
            let mut word_end = end;
            while stem && let Some((_, len)) = char_at(hay, word_end).filter(|&(c, _)| is_boundary_letter(c))
            {
                word_end += len;
            }
            hits.push(Hit { start, end: word_end, key, matched_end: end });
        }
        has_prefix_word && clean_start && !clean_end
    }
}

/// Per pattern: whether a shorter pattern is a prefix of it, ASCII case aside. In sorted
/// order a pattern's prefixes come before it, each a prefix of the next: a stack of the
/// prefixes of the pattern at hand finds them in one pass (comparing every pair cost 50 M
/// instructions at start-up).
fn has_prefix_word(patterns: &[String]) -> Vec<bool> {
    let lower: Vec<Vec<u8>> =
        patterns.iter().map(|pattern| pattern.as_bytes().to_ascii_lowercase()).collect();
    let mut order: Vec<usize> = (0..patterns.len()).collect();
    order.sort_by(|&a, &b| lower[a].cmp(&lower[b]));
    let mut has_prefix = vec![false; patterns.len()];
    let mut stack: Vec<usize> = Vec::new();
    for &i in &order {
        while stack.last().is_some_and(|&top| !lower[i].starts_with(&lower[top])) {
            stack.pop();
        }
        // (A spelling equal to the top, case aside, has the top's prefixes.)
        has_prefix[i] = match stack.last() {
            Some(&top) if lower[top] == lower[i] => has_prefix[top],
            top => top.is_some(),
        };
        stack.push(i);
    }
    has_prefix
}

/// Whether the word ending at `end` is part of an email's local part (`phone.support@…`,
/// `id_0@…`): masking erases it, so it must not count as context before masking either.
fn in_email_local_part(hay: &[u8], end: usize) -> bool {
    let token = hay[end..].iter().take(64).position(|&b| !is_local_part_byte(b));
    token.is_some_and(|len| email::at_sign_len(hay, end + len).is_some())
}

/// Whether the word starting at `start` is part of an email's domain: only domain bytes
/// (ASCII letters, digits, `-`, `.`, or bytes of non-ASCII letters) between it and an `@`
/// before it, at most 255 bytes back.
fn in_email_domain(hay: &[u8], start: usize) -> bool {
    let is_domain_byte = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | 0x80..);
    let domain = hay[..start].iter().rev().take(255).take_while(|b| is_domain_byte(b)).count();
    start > domain && hay[start - domain - 1] == b'@'
}

/// How many bytes of local-part characters come right before `end` (at most 64).
fn local_part_before(hay: &[u8], end: usize) -> usize {
    hay[..end].iter().rev().take(64).take_while(|&&b| is_local_part_byte(b)).count()
}

/// The bytes [`in_email_local_part`] takes for a local part.
fn is_local_part_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".-_+%'".contains(&b)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
        None => String::new(),
    }
}

/// The key words of one haystack, searched left to right, each byte about once: the
/// windows of successive chunks start no earlier than the previous ones (chunks are
/// visited in order), so only the part of a window past what was searched is searched,
/// and hits that fall behind the window are forgotten. A window may end before the last
/// one did (the part before a chunk, asked for after the whole window of the chunk
/// before): it is then answered from the hits kept.
#[derive(Debug, Default)]
pub(crate) struct KeyCursor {
    /// Hits that may still fall in a window, in the order of their starts.
    hits: Hits,
    /// The text before this offset has been searched.
    searched_to: usize,
    /// Hits of the last search of the text right before a chunk (see
    /// `ContextProbe::search_nearby`), kept apart from `hits` until merged.
    nearby: Hits,
    /// Spans of IBAN-shaped values: a label or code word inside one is one of its letter
    /// groups (`…4193 2707 871Y ID`, the end of a Mauritian IBAN), not a word about the next
    /// number, and is dropped from the hits.
    values: Vec<(usize, usize)>,
}

impl KeyCursor {
    /// Marks `span` as an IBAN-shaped value: the label and code words inside it, found or
    /// still to be found, are not context. (Only those: a phone or SSN word there would make
    /// more numbers values, never fewer, so it is kept, to fail closed.)
    pub(crate) fn exclude_labels_within(&mut self, span: (usize, usize)) {
        self.values.push(span);
        drop_labels_within(&self.values, &mut self.hits);
        drop_labels_within(&self.values, &mut self.nearby);
    }

    /// The hits inside `window`, after searching what was not searched yet.
    fn cover(&mut self, words: &KeyWords, hay: &[u8], (start, end): (usize, usize)) -> &[Hit] {
        let behind = self.hits.iter().take_while(|h| h.end <= start).count();
        self.hits.drain(..behind);
        self.values.retain(|&(_, value_end)| value_end > start);
        let from = self.searched_to.max(start);
        if from < end {
            // Start a little earlier, to find whole a word cut by the end of the last search
            // or by the window's start (hits starting before the window are not returned);
            // what the last search found already is skipped, and so is anything starting
            // inside it (restarting inside `tax id` must not find its `id`, a label).
            // No key word crosses a line break, a digit or most punctuation: a search right
            // after one needs no look-back.
            let restart = if words.may_cross(hay, from) { from.saturating_sub(words.longest) } else { from };
            let restart = (restart..from).find(|&i| hay[i] & 0xC0 != 0x80).unwrap_or(from);
            let seen = self.hits.last().map(|h| h.matched_end);
            words.find_in(hay, (restart, end), seen, &mut self.hits);
            drop_labels_within(&self.values, &mut self.hits);
            self.searched_to = end;
        }
        let first = self.hits.partition_point(|h| h.start < start);
        let last = self.hits.partition_point(|h| h.start < end);
        &self.hits[first..last]
    }
}

/// Removes from `hits` the label, code and card words that start inside one of `values`.
fn drop_labels_within(values: &[(usize, usize)], hits: &mut Hits) {
    if values.is_empty() {
        return;
    }
    hits.retain(|hit| {
        !(matches!(hit.key, Key::Label | Key::Code | Key::Card)
            && values.iter().any(|&(start, end)| (start..end).contains(&hit.start)))
    });
}

/// Key-word lookups for one chunk.
#[derive(Debug)]
pub(crate) struct ContextProbe<'a> {
    hay: &'a [u8],
    words: &'a KeyWords,
    cursor: &'a mut KeyCursor,
    span: (usize, usize),
    /// The window around the chunk: where it starts and ends, each computed on first use.
    window_start: Option<usize>,
    window_end: Option<usize>,
    /// The answer of [`ContextProbe::nearest_before`], computed on first use.
    nearest: Option<(Option<Hit>, bool)>,
    /// The answer of [`ContextProbe::search_nearby`], computed on first use.
    nearby_from: Option<Option<usize>>,
    /// The masker's mask characters, which no answer may read as text (masked digits must
    /// read as the digits did: see [`ContextProbe::key_after`]).
    mask_chars: [char; 5],
}

impl<'a> ContextProbe<'a> {
    /// A probe for the chunk at `span`, searching with `cursor`.
    pub(crate) fn new(
        hay: &'a [u8],
        words: &'a KeyWords,
        cursor: &'a mut KeyCursor,
        span: (usize, usize),
    ) -> Self {
        cursor.nearby.clear();
        ContextProbe {
            hay,
            words,
            cursor,
            span,
            window_start: None,
            window_end: None,
            nearest: None,
            nearby_from: None,
            mask_chars: ['*'; 5],
        }
    }

    /// The probe reading `mask_chars` as the masker's own (never as text).
    pub(crate) fn masked_by(mut self, mask_chars: [char; 5]) -> Self {
        self.mask_chars = mask_chars;
        self
    }

    /// Every key word in the window around the chunk: 64 characters on each side, on the
    /// chunk's line.
    fn hits(&mut self) -> &[Hit] {
        let window = (self.window_start(), self.window_end());
        self.cursor.cover(self.words, self.hay, window)
    }

    /// The key words in the window before the chunk. Most questions are answered by the
    /// nearest key word before a number, so the text after it is searched only when asked
    /// (by [`ContextProbe::hits`]); no key word holds a digit, so none crosses the
    /// chunk's start.
    fn hits_before(&mut self) -> &[Hit] {
        let start = self.window_start();
        self.cursor.cover(self.words, self.hay, (start, self.span.0))
    }

    /// Where the window before the chunk starts (computed on first use: most chunks never
    /// need the window after them).
    fn window_start(&mut self) -> usize {
        let (hay, span) = (self.hay, self.span);
        *self.window_start.get_or_insert_with(|| back_chars(hay, span.0, CONTEXT_WINDOW))
    }

    /// Where the window after the chunk ends (computed on first use).
    fn window_end(&mut self) -> usize {
        let (hay, span) = (self.hay, self.span);
        *self.window_end.get_or_insert_with(|| forward_chars(hay, span.1, CONTEXT_WINDOW))
    }

    /// The nearest key word before the chunk that is not a number word, and whether a
    /// number word came first.
    fn nearest_before(&mut self) -> (Option<Hit>, bool) {
        if let Some(nearest) = self.nearest {
            return nearest;
        }
        let nearest = match self.nearby() {
            Some(from) => match last_deciding(self.cursor.nearby.iter()) {
                found @ (Some(_), _) => found,
                (None, _) => {
                    // Nothing decides right before the chunk: search the rest of the window,
                    // up to where the nearby search began, and keep both parts' hits.
                    let window_start = self.window_start();
                    self.cursor.cover(self.words, self.hay, (window_start, from));
                    let cursor = &mut *self.cursor;
                    cursor.hits.append(&mut cursor.nearby);
                    cursor.searched_to = self.span.0;
                    self.deciding_before()
                }
            },
            None => self.deciding_before(),
        };
        self.nearest = Some(nearest);
        nearest
    }

    /// [`ContextProbe::nearest_before`] from the hits of the whole window before the chunk.
    fn deciding_before(&mut self) -> (Option<Hit>, bool) {
        let start = self.span.0;
        last_deciding(self.hits_before().iter().filter(|h| h.end <= start))
    }

    /// Searches only the text right before the chunk: from the last boundary before it that
    /// no key word crosses (see `KeyWords::may_cross`), so that the search finds exactly the
    /// key words a search of the whole window finds there. Most chunks have their label
    /// right before them (`…esperar! Veo el pedido #112348661`), which then decides after
    /// reading a few words instead of the whole window. Leaves the hits in the cursor's
    /// `nearby` and returns where the search began; `None` when the cursor has searched
    /// there already or there is no such boundary.
    fn nearby(&mut self) -> Option<usize> {
        if let Some(from) = self.nearby_from {
            return from;
        }
        let from = self.search_nearby();
        self.nearby_from = Some(from);
        from
    }

    /// The search of [`ContextProbe::nearby`] (run once per probe).
    fn search_nearby(&mut self) -> Option<usize> {
        let start = self.span.0;
        if self.cursor.searched_to >= start {
            return None;
        }
        let from = self.words.boundary_before(self.hay, self.cursor.searched_to, start)?;
        // Inside the window: at most as many bytes back as the window has characters, or
        // checked.
        if start - from > CONTEXT_WINDOW && from < self.window_start() {
            return None;
        }
        let nearby = &mut self.cursor.nearby;
        nearby.clear();
        self.words.find_in(self.hay, (from, start), None, nearby);
        drop_labels_within(&self.cursor.values, &mut self.cursor.nearby);
        Some(from)
    }

    /// The key word right in front of the chunk: nothing but punctuation, spaces and number
    /// words between (`order number: 4509…`, `Kundennummer 0170…`).
    fn adjacent_before(&mut self) -> Option<Key> {
        // When nothing decides in the text right before the chunk and a word stands there,
        // the deciding word is further back and that word comes between: nothing is
        // adjacent, and the rest of the window need not be searched.
        if self.nearest.is_none()
            && let Some(from) = self.nearby()
            && last_deciding(self.cursor.nearby.iter()).0.is_none()
            && self.word_outside_nearby_hits(from)
        {
            return None;
        }
        let mut hit = self.nearest_before().0?;
        // A verb or an article may link a label to its number: `my order number is 0750…`,
        // `die Bestellnr. ist 0329…`, `mi número de cliente es el 0013…`.
        let gap = self.gap_words(hit.end, self.span.0);
        if gap.words != gap.links || gap.links > 2 {
            return None;
        }
        // A phone word that only qualifies a label before it leaves the label in front
        // (`sipariş numaram 0117…`: my order number; `facture téléphone n° …`). Such a label
        // ends in a letter, at most one short word before the phone word.
        if hit.key == Key::Phone {
            if !self.letter_before(hit.start) || !self.modified_by_label(hit) {
                return Some(Key::Phone);
            }
            hit.key = Key::Label;
        }
        if gap.words == 0 {
            return Some(hit.key);
        }
        // Not when a phone or SSN word comes before the label (`the phone number on the order
        // is 07911…`), unless it starts the label's phrase (`mi número de orden es …`, `il
        // mio numero d'ordine è …`).
        let phone_words: smallvec::SmallVec<[Hit; 4]> =
            self.hits_before().iter().filter(|h| matches!(h.key, Key::Phone | Key::Ssn)).copied().collect();
        let linked = phone_words.iter().all(|word| {
            word.start == hit.start || (word.end <= hit.start && self.joins_label(word.end, hit.start))
        });
        linked.then_some(hit.key)
    }

    /// Whether a letter stands before `at`, spaces skipped.
    fn letter_before(&self, at: usize) -> bool {
        let mut at = at;
        while at > 0 && self.hay[at - 1] == b' ' {
            at -= 1;
        }
        char_before(self.hay, at).is_some_and(|(c, _)| c.is_alphabetic())
    }

    /// Whether the text from `from` to `to` (between a phone word and a label) makes one
    /// phrase of them: nothing but spaces, apostrophes and at most one preposition (`de`,
    /// `d'`, `of`).
    fn joins_label(&self, from: usize, to: usize) -> bool {
        self.joined_by(from, to, &[PREPOSITIONS])
    }

    /// Whether the text from `from` to `to` is nothing but spaces, apostrophes and at most
    /// one word of `prepositions`.
    fn joined_by(&self, from: usize, to: usize, prepositions: &[&[&[u8]]]) -> bool {
        let text = &self.hay[from..to];
        let mut words = text.split(|&b| matches!(b, b' ' | b'\'')).filter(|word| !word.is_empty());
        let first = words.next();
        let listed = |word: &[u8]| {
            prepositions.iter().flat_map(|list| list.iter()).any(|p| word.eq_ignore_ascii_case(p))
        };
        words.next().is_none() && first.is_none_or(listed) && !text.is_empty() && text.len() <= 8
    }

    /// Whether a word character stands between `from` and the chunk outside the hits of
    /// the nearby search (all number words here): [`ContextProbe::gap_words`] would count
    /// a word.
    fn word_outside_nearby_hits(&self, from: usize) -> bool {
        if self.hay[from] & 0xC0 == 0x80 {
            return false;
        }
        // A stem's hit runs on over the letters after its match (`замовленняé`), so a hit
        // from before `from` may cover the letters there: look from the first non-letter.
        let mut at = from;
        while let Some((_, len)) = char_at(self.hay, at).filter(|&(c, _)| is_boundary_letter(c)) {
            at += len;
        }
        let mut hits = self.cursor.nearby.iter().peekable();
        while at < self.span.0 {
            if let Some(hit) = hits.next_if(|hit| hit.start <= at) {
                at = at.max(hit.end);
                continue;
            }
            let (c, len) = char_at(self.hay, at).unwrap_or(('\u{FFFD}', 1));
            if is_boundary_word_char(c) {
                // A link word may stand between a label and its number: the whole window
                // decides then.
                let word_end = self.word_end(at);
                if !is_link_word(&self.hay[at..word_end]) {
                    return true;
                }
                at = word_end;
                continue;
            }
            at += len;
        }
        false
    }

    /// Where the word starting at `at` ends (see `is_boundary_word_char`), at most at the
    /// chunk's start.
    fn word_end(&self, mut at: usize) -> usize {
        while at < self.span.0
            && let Some((c, len)) = char_at(self.hay, at)
            && is_boundary_word_char(c)
        {
            at += len;
        }
        at.min(self.span.0)
    }

    /// Counts the words between `from` and `to`, number words skipped.
    fn gap_words(&self, from: usize, to: usize) -> Gap {
        let mut gap = Gap { words: 0, longest: 0, links: 0 };
        let (mut current, mut word_start) = (0, from);
        let mut at = from;
        while at < to {
            if let Some(number) = (self.cursor.hits.iter().chain(&self.cursor.nearby))
                .find(|h| h.key == Key::Number && h.start == at && h.end <= to)
            {
                gap.end_word(&self.hay[word_start..at], &mut current);
                at = number.end;
                continue;
            }
            let (c, len) = char_at(self.hay, at).unwrap_or(('\u{FFFD}', 1));
            if is_boundary_word_char(c) {
                if current == 0 {
                    gap.words += 1;
                    word_start = at;
                }
                current += 1;
                gap.longest = gap.longest.max(current);
            } else {
                gap.end_word(&self.hay[word_start..at], &mut current);
            }
            at += len;
        }
        gap.end_word(&self.hay[word_start..at], &mut current);
        gap
    }

    /// Whether the nearest key word after the chunk is `key` (`612345678 is my phone`), with
    /// no digit between, and followed only by words and sentence punctuation: a word followed
    /// by a number, a mask or a label introduces that instead. (The masker's mask characters
    /// are never read as text here, so masking what follows can only turn the answer to no.)
    fn key_after(&mut self, key: Key) -> bool {
        let end = self.span.1;
        let Some(hit) = self.hits().iter().find(|h| h.start >= end && h.key != Key::Number).copied() else {
            return false;
        };
        // `after`: the text after the key word, whose sentence ends at a break (`arayın -
        // 05/02/2024 tarihli …`: what follows the dash is another sentence's). A dot right
        // after a short word is an abbreviation's (`тел. +7 …`), no break.
        let abbreviation =
            std::str::from_utf8(&self.hay[hit.start..hit.end]).is_ok_and(|w| w.chars().count() <= 4);
        let plain = |from: usize, to: usize, after: bool| {
            let mut at = from;
            while at < to {
                let Some((c, len)) = char_at(self.hay, at) else { return false };
                if self.mask_chars.contains(&c) {
                    return false;
                }
                let spaced = || self.hay.get(at + len).is_none_or(u8::is_ascii_whitespace);
                let sentence_dot = c == '.' && !(at == from && abbreviation);
                if c == '\n'
                    || c == '\r'
                    || (after
                        && (matches!(c, '|' | '—' | '–' | ';' | '!' | '?')
                            || ((sentence_dot || c == '-') && spaced())))
                {
                    return true;
                }
                // Closing brackets end a sentence too: a JSON record's last string ends `"}`.
                let word_or_punctuation = c.is_alphabetic()
                    || c.is_whitespace()
                    || matches!(
                        c,
                        '.' | ',' | '!' | '?' | ';' | ':' | '(' | ')' | ']' | '}' | '"' | '\'' | '-'
                    )
                    // Chat's other sentence breaks (`… pe call karo | mere details`), and
                    // an email's own characters: an address after the phone word
                    // introduces no number.
                    || matches!(c, '|' | '/' | '—' | '–' | '…' | '«' | '»' | '“' | '”' | '„' | '@');
                if !word_or_punctuation {
                    return false;
                }
                at += len;
            }
            true
        };
        hit.key == key
            && plain(end, hit.start, false)
            && plain(hit.end, self.hay.len().min(hit.end + 24), true)
    }

    /// Whether a phone word makes the chunk a phone number: the nearest key word before it
    /// decides; failing one, a phone word right after it.
    pub(crate) fn phone(&mut self) -> bool {
        match self.nearest_before() {
            (Some(hit), _) if hit.key == Key::Phone => !self.modified_by_label(hit),
            // A label with another number between names that number: a phone word after this
            // one still decides (`order #27613 … | mujhe 7413551221 pe call karo`).
            (Some(hit), _) if self.digit_between(hit.end, self.span.0) => self.key_after(Key::Phone),
            (Some(_), _) => false,
            (None, _) => self.key_after(Key::Phone),
        }
    }

    /// Whether a phone word decides (see [`ContextProbe::phone`]) and stands close before
    /// the chunk, at most three words and no digit between: `call me on 71 127 287`,
    /// `позвоните мне по номеру 21 333 183` (eight-digit plans group their numbers as
    /// amounts are grouped), `tel 333.74068`.
    pub(crate) fn phone_word_close(&mut self) -> bool {
        match self.nearest_before() {
            (Some(hit), _) if hit.key == Key::Phone && !self.modified_by_label(hit) => {
                self.gap_words(hit.end, self.span.0).words <= 3 && !self.digit_between(hit.end, self.span.0)
            }
            _ => false,
        }
    }

    /// Whether the phone word `hit` only qualifies a label right before it: `facture
    /// téléphone n° …`, `замовлення телефону №…`, `fatura do telemóvel …` (a phone bill,
    /// a phone order), `sipariş numaram …` (my order number). At most one short word may
    /// come between, and the phrase must say so: a preposition between (`do`), the label's
    /// number word between (`my order number handy: …`), a number sign right after the
    /// phone word (`n°`, `№`: English writes neither), a phone word in the genitive
    /// (`заказ телефона`), or a phone word that is itself "my number" (`numaram`).
    /// Otherwise the phone word is a verb or the head of the phrase (`order call 0612…`,
    /// `order phone 0612…`): a phone.
    fn modified_by_label(&mut self, hit: Hit) -> bool {
        let Some(label) =
            self.hits_before().iter().rev().find(|h| h.end <= hit.start && h.key != Key::Number).copied()
        else {
            return false;
        };
        if !matches!(label.key, Key::Label | Key::Code | Key::Card) {
            return false;
        }
        let gap = self.gap_words(label.end, hit.start);
        if gap.words > 1 || gap.longest > 3 {
            return false;
        }
        let hay = self.hay;
        let number_word_between = self
            .hits_before()
            .iter()
            .any(|h| h.key == Key::Number && h.start >= label.end && h.end <= hit.start);
        let number_sign_after = self.hits_before().iter().any(|h| {
            h.key == Key::Number
                && h.start >= hit.end
                && h.start - hit.end <= 2
                && hay[hit.end..h.start].iter().all(|&b| b == b' ')
                && is_number_sign(&hay[h.start..h.end])
        });
        let preposition_between =
            gap.words == 1 && self.joined_by(label.end, hit.start, &[PREPOSITIONS, CONTRACTED_OF]);
        let word = &hay[hit.start..hit.end];
        preposition_between
            || number_word_between
            || number_sign_after
            || word.get(..7).is_some_and(|word| word.eq_ignore_ascii_case(b"numaram"))
            || is_genitive_phone_word(word)
    }

    /// Whether an SSN word makes a bare nine-digit chunk an SSN.
    pub(crate) fn ssn(&mut self) -> bool {
        match self.nearest_before() {
            (Some(hit), _) => hit.key == Key::Ssn,
            (None, _) => self.key_after(Key::Ssn),
        }
    }

    /// Whether the nearest deciding key word before the chunk is a label or a code word
    /// (`order #76059294`), so that neither [`ContextProbe::phone`] nor
    /// [`ContextProbe::ssn`] can answer yes (with a number between, only when no phone word
    /// follows: see [`ContextProbe::phone`]).
    pub(crate) fn other_key_decides(&mut self) -> bool {
        match self.nearest_before().0 {
            Some(hit) if matches!(hit.key, Key::Label | Key::Code | Key::Card) => {
                !self.digit_between(hit.end, self.span.0) || !self.key_after(Key::Phone)
            }
            _ => false,
        }
    }

    /// Whether a label word right in front says the chunk is an identifier or a quantity,
    /// not a phone or SSN.
    pub(crate) fn labelled(&mut self) -> bool {
        matches!(self.adjacent_before(), Some(Key::Label | Key::Code))
    }

    /// Whether a label says the chunk is an identifier, on either side: right in front
    /// ([`ContextProbe::labelled`]), or right after it with only link words between
    /// (`0424994928 is my order number`, `… c'est le n° de suivi`, `…が注文番号です`) when
    /// no phone or SSN word stands anywhere in the window (`07911 123456 is the order
    /// phone` stays a phone number). For phone readings, whose labels people also write
    /// after the number.
    pub(crate) fn labelled_either_side(&mut self) -> bool {
        self.labelled() || self.labelled_after()
    }

    /// Whether a label after the chunk says it is an identifier (the second half of
    /// [`ContextProbe::labelled_either_side`]); alone, for a number the label in front of the
    /// chunk does not name.
    pub(crate) fn labelled_after(&mut self) -> bool {
        let end = self.span.1;
        // Most numbers are followed by punctuation or another word, or come after a phone
        // word: decided without searching the window after them. A phone word with another
        // number between names that number (`iletişim (0212) 822 11 87. 28 Kasım tarihli
        // 3979928 numaralı sipariş`).
        if !self.link_word_at(end)
            || matches!(self.nearest_before().0, Some(hit)
                if matches!(hit.key, Key::Phone | Key::Ssn) && !self.digit_between(hit.end, self.span.0))
        {
            return false;
        }
        let hits = self.hits();
        let Some(label) = hits
            .iter()
            .find(|h| h.start >= end && !matches!(h.key, Key::Number | Key::Phone | Key::Ssn))
            .copied()
        else {
            return false;
        };
        if !matches!(label.key, Key::Label | Key::Code) {
            return false;
        }
        // Every phone or SSN word in the window must be the start of the label's phrase
        // (`… è il mio numero d'ordine`).
        let phone_words: smallvec::SmallVec<[Hit; 4]> =
            hits.iter().filter(|h| matches!(h.key, Key::Phone | Key::Ssn)).copied().collect();
        // (A "my number" phrase, or another phone word with a preposition between: `… hotline
        // commandes` is a phone line, `… это мой номер заказа` an order number.)
        // Phone words before it with a number between, or after a break that ends the
        // label's phrase, belong to other numbers.
        phone_words.iter().all(|word| {
            (word.end <= self.span.0 && self.digit_between(word.end, self.span.0))
                || (word.start >= label.end && self.break_between(label.end, word.start))
                || word.start >= end
                    && word.end <= label.start
                    && self.joins_label(word.end, label.start)
                    && (ends_with_number_word(&self.hay[word.start..word.end])
                        || self.hay[word.end..label.start].iter().any(u8::is_ascii_alphabetic))
        }) && self.links_only(end, label.start)
            && (self.numbered_label(end, label.end) || self.ends_phrase(label.end))
    }

    /// Whether the word after the number (ending at `end`) is Turkish "numbered" and the
    /// label after it (ending at `label_end`) names no phone line: `3979928 numaralı sipariş
    /// hiç gelmedi` is an order number, whatever the sentence goes on with, but `0850 123 45
    /// 67 numaralı sipariş hattı` the order line's.
    fn numbered_label(&self, end: usize, label_end: usize) -> bool {
        let word_at = |at: usize| {
            let at = if self.hay.get(at) == Some(&b' ') { at + 1 } else { at }.min(self.hay.len());
            &self.hay[at..letters_end(self.hay, at).max(at)]
        };
        matches!(std::str::from_utf8(word_at(end)), Ok("numaralı" | "Numaralı" | "nolu" | "Nolu" | "NOLU"))
            && !word_at(label_end).starts_with(b"hatt")
    }

    /// Whether sentence punctuation stands between `from` and `to`.
    fn break_between(&self, from: usize, to: usize) -> bool {
        self.hay.get(from..to).is_some_and(|between| {
            between.iter().any(|b| matches!(b, b',' | b';' | b'.' | b'!' | b'?' | b'|'))
                || std::str::from_utf8(between).is_ok_and(|text| text.contains(['—', '–']))
        })
    }

    /// Whether an ASCII digit stands between `from` and `to`.
    fn digit_between(&self, from: usize, to: usize) -> bool {
        self.hay.get(from..to).is_some_and(|between| between.iter().any(u8::is_ascii_digit))
    }

    /// Whether the label ending at `at` ends its phrase: after it only more labels (`… is
    /// the order ID`, `… c'est la référence de la commande`), number words, link words,
    /// `client` and Japanese copulas (`です`), then no other word: `… is the order line`
    /// names a phone line, `…注文受付ダイヤル` too.
    fn ends_phrase(&self, at: usize) -> bool {
        const AFTER: &[&str] = &[
            "です",
            "だ",
            "입니다",
            "예요",
            "이에요",
            "였어요",
            "của",
            "tôi",
            "saya",
            "client",
            "cliente",
            "klienta",
            "mele",
        ];
        let mut at = at;
        loop {
            if let Some(hit) = self
                .cursor
                .hits
                .iter()
                .find(|h| matches!(h.key, Key::Number | Key::Label | Key::Code) && h.start == at)
            {
                at = hit.end;
                continue;
            }
            let Some((c, len)) = char_at(self.hay, at) else { return true };
            if c == ' ' || c == '\'' {
                at += len;
                continue;
            }
            if !c.is_alphabetic() {
                return true;
            }
            let rest = &self.hay[at..];
            let fits = |word: &[u8]| {
                rest.starts_with(word)
                    && !char_at(rest, word.len()).is_some_and(|(c, _)| is_boundary_letter(c))
            };
            if let Some(word) = AFTER.iter().find(|word| fits(word.as_bytes())) {
                at += word.len();
                continue;
            }
            let word_end = letters_end(self.hay, at);
            if word_end == at || !is_trailing_link_word(&self.hay[at..word_end]) {
                return false;
            }
            at = word_end;
        }
    }

    /// Whether a link word ([`is_trailing_link_word`], or a [link particle](is_link_particle))
    /// starts at `at`, after at most one space.
    fn link_word_at(&self, at: usize) -> bool {
        let at = if self.hay.get(at) == Some(&b' ') { at + 1 } else { at };
        match char_at(self.hay, at) {
            Some((c, _)) if is_link_particle(c) => true,
            _ => {
                let end = letters_end(self.hay, at);
                end > at && is_trailing_link_word(&self.hay[at..end])
            }
        }
    }

    /// Whether the text from `from` to `to` holds one to four words, each a link word
    /// ([`is_trailing_link_word`]), and between them only spaces, apostrophes (`c'est`) and
    /// key words other than labels (`n°`): no sentence punctuation, no digit.
    fn links_only(&self, from: usize, to: usize) -> bool {
        let (mut links, mut word_start, mut at) = (0, None::<usize>, from);
        // Ends the word being read, if any: `false` when it is no link word.
        let end_word = |word_start: &mut Option<usize>, at: usize, links: &mut usize| {
            let Some(start) = word_start.take() else { return true };
            *links += 1;
            is_trailing_link_word(&self.hay[start..at])
        };
        while at < to {
            // (A phone word here was checked to join the label: see `labelled_after`.)
            if let Some(number) = self.cursor.hits.iter().find(|h| {
                matches!(h.key, Key::Number | Key::Phone | Key::Ssn) && h.start == at && h.end <= to
            }) {
                if !end_word(&mut word_start, at, &mut links) {
                    return false;
                }
                at = number.end;
                continue;
            }
            let Some((c, len)) = char_at(self.hay, at) else { return false };
            if c.is_alphabetic() && is_boundary_word_char(c) {
                word_start.get_or_insert(at);
            } else {
                if !end_word(&mut word_start, at, &mut links) {
                    return false;
                }
                match c {
                    ' ' | '\u{A0}' | '\'' | '\u{2019}' => {}
                    // The copulas and particles of scripts written without spaces.
                    c if is_link_particle(c) => links += 1,
                    _ => return false,
                }
            }
            at += len;
        }
        end_word(&mut word_start, at, &mut links) && (1..=4).contains(&links)
    }

    /// Whether a product or parcel code word right in front says the chunk is not a card.
    pub(crate) fn product_code(&mut self) -> bool {
        self.adjacent_before() == Some(Key::Code)
    }
}

/// The words between a key word and a number (see `ContextProbe::gap_words`).
#[derive(Clone, Copy, Debug)]
struct Gap {
    /// How many words, number words not counted.
    words: usize,
    /// How long the longest is, in characters.
    longest: usize,
    /// How many of them are link words ([`is_link_word`]), counted while all of them are
    /// (and at most two).
    links: usize,
}

impl Gap {
    /// Ends the word being read (`current` characters so far, `word` its bytes), if any.
    #[inline]
    fn end_word(&mut self, word: &[u8], current: &mut usize) {
        if *current > 0 {
            // Only a gap of link words alone, at most two, links a label to its number: once
            // another word is read, the links no longer matter.
            if self.words <= 2 && self.links + 1 == self.words {
                self.links += usize::from(is_link_word(word));
            }
            *current = 0;
        }
    }
}

/// Whether `word` is a verb or an article that links a label to its number (`order number
/// is …`, `Bestellnr. lautet …`, `número de cliente es el …`), in any case. Not the Polish
/// `to` nor the Finnish `on`: in English they link a label to a phone number (`send the
/// invoice to 0612…`, `the account on 07911…`).
fn is_link_word(word: &[u8]) -> bool {
    let mut lower = [0u8; 10];
    let Some(lower) = ascii_lowercase(word, &mut lower) else { return false };
    // (A `match` on the bytes: a few comparisons where a list would take one per word.)
    matches!(
        lower,
        b"is"
            | b"was"
            | b"the"
            | b"c"
            | b"ko"
            | b"ist"
            | b"lautet"
            | b"war"
            | b"est"
            | b"es"
            | b"era"
            | b"el"
            | b"le"
            | b"la"
            | b"il"
            | b"jest"
            | b"je"
            | b"este"
            | b"er"
    ) || matches!(
        std::str::from_utf8(lower),
        Ok("était" | "é" | "É" | "è" | "È" | "är" | "şu" | "Şu" | "είναι" | "это")
    )
}

/// Whether `c` is a copula or particle of a script written without spaces that links a
/// number to a label after it (`是`, `が`, `は`, Korean `는`, `은`, `이`, `가`).
fn is_link_particle(c: char) -> bool {
    matches!(c, '是' | '为' | '為' | 'が' | 'は' | '는' | '은' | '이' | '가')
}

/// Where the letters of a script written with spaces that start at `at` end (`at` itself
/// when none does).
fn letters_end(hay: &[u8], at: usize) -> usize {
    let mut end = at;
    while let Some((_, len)) =
        char_at(hay, end).filter(|&(c, _)| c.is_alphabetic() && is_boundary_word_char(c))
    {
        end += len;
    }
    end
}

/// Whether `word` may stand between a number and a label written after it (`… is my order
/// number`, `… ist die Sendungsnummer`, `… es el número de seguimiento`, `… c'est le n° de
/// suivi`, `… to numer zamówienia`), in any case: the link words before a number, and the
/// possessives, articles and prepositions of a label's phrase.
fn is_trailing_link_word(word: &[u8]) -> bool {
    let mut lower = [0u8; 10];
    let Some(lower) = ascii_lowercase(word, &mut lower) else { return false };
    is_link_word(word)
        || matches!(
            lower,
            b"my"
                | b"our"
                | b"your"
                | b"a"
                | b"an"
                | b"ce"
                | b"mon"
                | b"ma"
                | b"notre"
                | b"votre"
                | b"du"
                | b"mi"
                | b"su"
                | b"tu"
                | b"nuestro"
                | b"nuestra"
                | b"del"
                | b"meine"
                | b"mein"
                | b"meiner"
                | b"unsere"
                | b"unser"
                | b"die"
                | b"der"
                | b"das"
                | b"mijn"
                | b"onze"
                | b"de"
                | b"het"
                | b"o"
                | b"d"
                | b"meu"
                | b"minha"
                | b"nosso"
                | b"nossa"
                | b"do"
                | b"da"
                | b"di"
                | b"mio"
                | b"mia"
                | b"lo"
                | b"to"
                | b"moja"
                | b"moje"
                | b"nasz"
                | b"ez"
                | b"az"
                | b"min"
                | b"mitt"
                | b"mit"
                | b"benim"
                | b"on"
                | b"oli"
                | b"e"
                | b"fost"
                | b"volt"
                | b"adalah"
                | b"itu"
                | b"var"
                | b"mera"
                // Turkish "numbered" (`3979928 nolu sipariş`: order number 3979928).
                | b"nolu"
        )
        || matches!(
            std::str::from_utf8(lower),
            Ok("mój"
                | "мой"
                | "мій"
                | "моя"
                | "мое"
                | "моё"
                | "наш"
                | "це"
                | "був"
                | "была"
                | "был"
                | "là"
                | "היה"
                | "הוא"
                | "זה"
                | "هو"
                | "كان"
                | "numaralı"
                | "Numaralı")
        )
}

/// Whether a phone word ends with a word for number (`мой номер`, `mój numer`, `mi número`):
/// a "my number" phrase, which a label after it turns into that label's number.
fn ends_with_number_word(phrase: &[u8]) -> bool {
    const NUMBER_WORDS: &[&str] =
        &["number", "numer", "número", "numero", "numéro", "nummer", "номер", "číslo", "nomor"];
    NUMBER_WORDS.iter().any(|number| {
        phrase.len() >= number.len()
            && phrase[phrase.len() - number.len()..].eq_ignore_ascii_case(number.as_bytes())
    })
}

/// Prepositions that make one phrase of a label and a phone word ("of": `numero d'ordine`).
const PREPOSITIONS: &[&[u8]] = &[b"de", b"d", b"di", b"da", b"del", b"du", b"des", b"of"];

/// Contracted "of the" after a label, before the phone word that qualifies it (`fatura do
/// telemóvel`). Not in [`PREPOSITIONS`]: Polish `do` ("for") after a phone word starts a
/// phrase of its own (`mój numer do zamówienia`: my number, for the order).
const CONTRACTED_OF: &[&[u8]] = &[b"della", b"do", b"dos", b"das"];

/// Whether a number word is a sign that English does not use: `n°`, `nº`, `№`, `nr`, `n.`.
fn is_number_sign(word: &[u8]) -> bool {
    let word = word.strip_suffix(b".").unwrap_or(word);
    ["n°", "nº", "№", "nr", "n"].iter().any(|sign| word.eq_ignore_ascii_case(sign.as_bytes()))
}

/// Whether a phone word is in the genitive (`телефона`, `телефону`, `telefonu`): after a
/// label it names what the label is of (`заказ телефона …`, an order for a phone).
fn is_genitive_phone_word(word: &[u8]) -> bool {
    let Ok(word) = std::str::from_utf8(word) else { return false };
    let word = word.to_lowercase();
    ["телефона", "телефону", "мобильного", "мобільного", "telefonu", "komórki"].contains(&word.as_str())
}

/// `word` with its ASCII letters in lower case, in `buffer`; `None` when longer than it.
fn ascii_lowercase<'b>(word: &[u8], buffer: &'b mut [u8; 10]) -> Option<&'b [u8]> {
    let lower = buffer.get_mut(..word.len())?;
    for (low, &b) in lower.iter_mut().zip(word) {
        *low = b.to_ascii_lowercase();
    }
    Some(lower)
}

/// The last key word in `hits` (in text order) that is not a number word, and whether a
/// number word comes after it.
fn last_deciding<'h>(hits: impl DoubleEndedIterator<Item = &'h Hit>) -> (Option<Hit>, bool) {
    let mut number_word = false;
    for hit in hits.rev() {
        if hit.key == Key::Number {
            number_word = true;
        } else {
            return (Some(*hit), number_word);
        }
    }
    (None, number_word)
}

/// The offset `chars` characters before `at`, or the start of its line if nearer.
fn back_chars(hay: &[u8], at: usize, chars: usize) -> usize {
    let mut start = at;
    let mut counted = 0;
    // Eight bytes at a time while they hold no line break and fewer characters than are
    // still wanted (the byte loop below finds the exact place).
    while start >= 8 {
        let word = word_at(hay, start - 8);
        let lead_bytes = 8 - continuation_bytes(word);
        if holds_line_break(word) || counted + lead_bytes >= chars {
            break;
        }
        counted += lead_bytes;
        start -= 8;
    }
    while start > 0 && counted < chars {
        let b = hay[start - 1];
        if b == b'\n' || b == b'\r' {
            break;
        }
        start -= 1;
        if b & 0xC0 != 0x80 {
            counted += 1;
        }
    }
    // Never inside a character (a lone continuation byte run is stepped over).
    while start < at && hay[start] & 0xC0 == 0x80 {
        start += 1;
    }
    start
}

/// The offset `chars` characters after `at`, or the end of its line if nearer.
fn forward_chars(hay: &[u8], at: usize, chars: usize) -> usize {
    let mut end = at;
    let mut counted = 0;
    // Eight bytes at a time while they hold no line break and no more characters than may
    // still be passed.
    while end + 8 <= hay.len() {
        let word = word_at(hay, end);
        let lead_bytes = 8 - continuation_bytes(word);
        if holds_line_break(word) || counted + lead_bytes > chars {
            break;
        }
        counted += lead_bytes;
        end += 8;
    }
    while end < hay.len() {
        let b = hay[end];
        if b == b'\n' || b == b'\r' {
            break;
        }
        if b & 0xC0 != 0x80 {
            if counted == chars {
                break;
            }
            counted += 1;
        }
        end += 1;
    }
    end
}

/// The eight bytes at `at` (which must leave eight bytes in `hay`) as a little-endian word.
#[inline]
fn word_at(hay: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hay[at..at + 8]);
    u64::from_le_bytes(bytes)
}

/// How many bytes of `word` are UTF-8 continuation bytes (`10xxxxxx`).
#[inline]
fn continuation_bytes(word: u64) -> usize {
    // Bit 7 set and bit 6 clear: `word << 1` moves each byte's bit 6 to its bit 7.
    (word & !(word << 1) & 0x8080_8080_8080_8080).count_ones() as usize
}

/// Whether some byte of `word` is `\n` or `\r`.
#[inline]
fn holds_line_break(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    has_zero(word ^ (ONES * u64::from(b'\n'))) || has_zero(word ^ (ONES * u64::from(b'\r')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe<T>(text: &str, number: &str, f: impl FnOnce(&mut ContextProbe<'_>) -> T) -> T {
        let words = KeyWords::shared();
        let start = text.find(number).unwrap();
        let mut cursor = KeyCursor::default();
        let mut probe = ContextProbe::new(text.as_bytes(), words, &mut cursor, (start, start + number.len()));
        f(&mut probe)
    }

    fn phone(text: &str, number: &str) -> bool {
        probe(text, number, |p| p.phone())
    }

    #[test]
    fn phone_words_match_case_insensitively_with_boundaries() {
        assert!(phone("Mon TÉLÉPHONE: 0612345678", "0612345678"));
        assert!(phone("Telefonnummer 030123456", "030123456"));
        assert!(phone("мій Телефон 0501234567", "0501234567"));
        assert!(phone("tel.12345678", "12345678"));
        assert!(phone("我的电话13812345678谢谢", "13812345678"));
        assert!(!phone("hotel 12345678", "12345678"), "tel inside a word");
        assert!(!phone("tell me 12345678", "12345678"), "tel is a whole word");
        assert!(!phone("phone\n12345678", "12345678"), "other line");
        assert!(!phone("[PHONE] 12345678", "12345678"), "a label is no context");
        assert!(!phone("phone.support@x.com 12345678", "12345678"), "a word in an email is no context");
        let far = format!("phone {} 12345678", "x".repeat(70));
        assert!(!phone(&far, "12345678"), "too far");
        let near = format!("phone {} 12345678", "x".repeat(50));
        assert!(phone(&near, "12345678"), "within 64 characters");
        assert_eq!(back_chars("aé\nbçd".as_bytes(), 7, 64), 4, "stops at the line start");
        assert_eq!(forward_chars("aébc".as_bytes(), 0, 2), 3, "counts characters, not bytes");
    }

    #[test]
    fn no_key_word_is_listed_twice() {
        // Two entries of one spelling make one automaton pattern hide the other (a whole word
        // hiding a stem: `счёт` kept `счётчика` from matching `счёт*`).
        let mut seen = std::collections::BTreeMap::new();
        for &(word, key) in WORDS {
            let bare = word.trim_matches('*').to_lowercase();
            if let Some(first) = seen.insert(bare.clone(), (word, key)) {
                panic!("{bare:?} is listed twice: {first:?} and {:?}", (word, key));
            }
        }
    }

    #[test]
    fn prefix_words_are_found_case_aside() {
        let patterns = ["ring til", "RING", "ring", "no", "nr.", "Ring me", "rin"].map(String::from);
        assert_eq!(has_prefix_word(&patterns), [true, true, true, false, false, true, false]);
        assert!(phone("ring tilbake på 47770643", "47770643"), "a longer key word cut short leaves 'ring'");
    }

    #[test]
    fn the_nearest_key_word_decides() {
        assert!(!phone("my phone order 4509876123", "4509876123"));
        assert!(!phone("Mobilfunkvertrag, Kundennummer 1234567890", "1234567890"));
        assert!(!phone("Telefonrechnung Nr. 1234567890", "1234567890"), "a compound part");
        assert!(!phone("the phone I bought, order number 100234567", "100234567"));
        assert!(phone("my phone number is 612345678", "612345678"));
        assert!(phone("mi número es 612345678", "612345678"), "my number");
        assert!(!phone("The number 536221847 is on the form", "536221847"), "a number word alone");
        assert!(phone("612345678 is my phone", "612345678"), "after the number");
        assert!(phone("mujhe 7413551221 pe call karo | mere details", "7413551221"), "a bar ends a sentence");
        assert!(phone("7413551221 pe call karo — a@b.com", "7413551221"), "an email introduces no number");
        assert!(!phone("7413551221 pe call karo, 0612345678", "7413551221"), "the word introduces the next");
        assert!(!phone("7413551221 pe call karo ******5678", "7413551221"), "or a masked one");
        assert!(phone("7413551221 pe call karo | 0612345678", "7413551221"), "unless a break comes first");
        assert!(!phone("4463366770; тел. 89574985617", "4463366770"), "an abbreviation's dot is no break");
        assert!(phone("612345678 is my phone. 0698765432", "612345678"), "a sentence's dot is");
        let label_named_another =
            "mera order #27613 jo 6/4 ko kiya tha | mujhe 7413551221 pe call karo | details";
        assert!(phone(label_named_another, "7413551221"), "a label that names another number");
        assert!(!phone("mera order 7413551221 pe call karo", "7413551221"), "a label right before decides");
        assert!(phone("2129206291 numarasından arayın - 05/02/2024", "2129206291"), "a spaced dash breaks");
        assert!(!phone("2129206291 numarasından arayın-05/02/2024", "2129206291"), "a joining one does not");
        // Found by the fuzz smoke: a number masked with `,` (or `_`) after the phone word
        // must read as the digits did, or re-masking would change masked text.
        for mask in [',', '_', '|'] {
            let masked = format!("01310-100, telefone ({m}{m}) {m}{m}{m}{m}{m}-{m}{m}{m}{m}", m = mask);
            let words = KeyWords::shared();
            let mut cursor = KeyCursor::default();
            let probe = ContextProbe::new(masked.as_bytes(), words, &mut cursor, (0, 9));
            assert!(!probe.masked_by([mask; 5]).phone(), "mask {mask:?}");
        }
        assert!(!phone("01310-100, telefone (11) 98765-4321", "01310-100"));
        assert!(!phone("facture téléphone n° 1234567890", "1234567890"), "a phone bill");
        assert!(!phone("fatura do telemóvel 123456789", "123456789"), "a phone bill");
        assert!(phone("for the order call 0612345678", "0612345678"), "a verb after a label");
        assert!(phone("3 items call (555) 123-4567", "(555) 123-4567"), "a verb after a label");
        assert!(phone("order phone 0612345678", "0612345678"), "the head of the phrase");
        assert!(!phone("sipariş numaram 0117715642", "0117715642"), "my order number");
        assert!(
            !phone("I have my order number handy: 4509876123", "4509876123"),
            "number words are see-through"
        );
        assert!(
            !probe("tel. de contacto 646 694 322", "646 694 322", |p| p.labelled()),
            "contacto is no conta"
        );
        assert!(
            !phone("IL 62704-1234, phone (217) 555-0123", "62704-1234"),
            "the word introduces the next number"
        );
        assert!(probe("commande n° 0123456789", "0123456789", |p| p.labelled()));
        assert!(!probe("tél n° 0612345678", "0612345678", |p| p.labelled()));
        assert!(probe("EAN 4027000001239", "4027000001239", |p| p.product_code()));
        assert!(probe("account number: 0123456789", "0123456789", |p| p.labelled()));
        assert!(!probe("call my account manager at 0612345678", "0612345678", |p| p.labelled()));
        assert!(
            !phone("call my account manager at 0612345678", "0612345678"),
            "for context, the nearest word decides"
        );
    }

    #[test]
    fn ssn_words() {
        assert!(probe("SSN: 123456789", "123456789", |p| p.ssn()));
        assert!(!probe("itinerary 123456789", "123456789", |p| p.ssn()));
        assert!(!probe("my SSN is on file, account number 123456789", "123456789", |p| p.ssn()));
        // The phrase `social security` runs into an email's local part, which masking
        // erases; its first word still counts, as it will once the local part is masked.
        assert!(probe("social securitymelissa@gmail.com number 536228417", "536228417", |p| p.ssn()));
        assert!(!probe("socialsecurity@gmail.com 536228417", "536228417", |p| p.ssn()));
        // Found by the leak oracle: a key word ending right before a local part (`ss #` then
        // `abc@`) was searched for again in a loop without end.
        assert!(!probe("ss #abc@x.com 536228417", "536228417", |p| p.ssn()));
        assert!(probe("social ss #abc@x.com 536228417", "536228417", |p| p.ssn()));
    }
}

#[cfg(test)]
mod cursor_tests {
    use super::*;
    use proptest::prelude::*;

    /// The character-stepping windows, without the ASCII fast paths (the oracle).
    fn back_slow(hay: &[u8], at: usize, chars: usize) -> usize {
        let mut start = at;
        let mut counted = 0;
        while start > 0 && counted < chars && !matches!(hay[start - 1], b'\n' | b'\r') {
            start -= 1;
            if hay[start] & 0xC0 != 0x80 {
                counted += 1;
            }
        }
        while start < at && hay[start] & 0xC0 == 0x80 {
            start += 1;
        }
        start
    }

    fn forward_slow(hay: &[u8], at: usize, chars: usize) -> usize {
        let (mut end, mut counted) = (at, 0);
        while end < hay.len() && !matches!(hay[end], b'\n' | b'\r') {
            if hay[end] & 0xC0 != 0x80 {
                if counted == chars {
                    break;
                }
                counted += 1;
            }
            end += 1;
        }
        end
    }

    proptest! {
        #[test]
        fn windows_match_character_stepping(
            bytes in prop::collection::vec(prop::sample::select(vec![b'a', b' ', b'\n', 0xC3, 0xA9, 0x80, 0xE2, b'7']), 0..300),
            at in 0usize..300,
            chars in 1usize..80,
        ) {
            let at = at.min(bytes.len());
            prop_assert_eq!(back_chars(&bytes, at, chars), back_slow(&bytes, at, chars));
            prop_assert_eq!(forward_chars(&bytes, at, chars), forward_slow(&bytes, at, chars));
        }
    }

    proptest! {
        /// For windows that move left to right, the cursor gives exactly the hits a fresh
        /// search of each window gives.
        #[test]
        fn cursor_equals_fresh_searches(
            words in prop::collection::vec(prop::sample::select(vec![
                "tel", "order", "telefonnummer", "Kundennummer", "x", "12", "phone", "n°", " ", "  ", "\n", "é", "SSN", "mobile",
                " tax id", "id", " customer id", " my number", "number", "هو",
            ]), 0..60),
            cuts in prop::collection::vec(0usize..400, 1..8),
        ) {
            let text: String = words.concat();
            let hay = text.as_bytes();
            let words = KeyWords::shared();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(hay.len())).filter(|&c| text.is_char_boundary(c)).collect();
            cuts.sort();
            let mut cursor = KeyCursor::default();
            // A fresh search reads words whole: it starts early enough to see a phrase the
            // window's start cuts (`customer id` holds no separate `id`).
            let fresh_hits = |(from, to): (usize, usize)| {
                let mut fresh = Hits::new();
                let early = (from.saturating_sub(words.longest)..=from).find(|&i| text.is_char_boundary(i)).unwrap_or(from);
                words.find_in(hay, (early, to), None, &mut fresh);
                fresh.retain(|hit| hit.start >= from);
                fresh.to_vec()
            };
            for pair in cuts.windows(2) {
                let window = (back_chars(hay, pair[0], 20), forward_chars(hay, pair[1], 20));
                // The part before the chunk first, as `ContextProbe::hits_before` asks (a
                // chunk starts with a digit, which no key word holds).
                if hay.get(pair[0]).is_some_and(u8::is_ascii_digit) {
                    let before = (window.0, pair[0]);
                    let from_cursor: Vec<Hit> = cursor.cover(words, hay, before).to_vec();
                    prop_assert_eq!(from_cursor, fresh_hits(before), "{:?} {:?}", text, before);
                }
                let fresh = fresh_hits(window);
                let from_cursor: Vec<Hit> = cursor.cover(words, hay, window).to_vec();
                prop_assert_eq!(from_cursor, fresh, "{:?} {:?}", text, window);
            }
        }
    }

    proptest! {
        /// The nearest key word before each number, read from the text right before it, is
        /// what a search of its whole window gives, and so are the questions built on it,
        /// for a cursor that goes on from one chunk to the next.
        #[test]
        fn nearby_search_equals_window_search(
            words in prop::collection::vec(prop::sample::select(vec![
                "tel", "order", "Kundennummer", "x", "7", " ", "  ", ", ", "! ", ": ", "\n", "é", "SSN", "mobile",
                " tax id", "id", " customer id", " my number", "number", "n°", "#", "pedido", "ss#", "замовлення", "номер",
                "call me", "😀", "facture téléphone", "appelez-moi", "code postal", "EAN", "tracking", "ok ",
                " is my ", " c'est le ", "mi número de orden", " es ", "sipariş numaram", "が", "mio numero d'",
            ]), 0..40),
            cuts in (0usize..40, 0usize..40),
        ) {
            let (first, second) = (cuts.0.min(cuts.1).min(words.len()), cuts.0.max(cuts.1).min(words.len()));
            let text = format!(
                "{}123456789{}987654321{}",
                words[..first].concat(),
                words[first..second].concat(),
                words[second..].concat()
            );
            let hay = text.as_bytes();
            let spans = [text.find("123456789"), text.find("987654321")].map(|at| at.map(|at| (at, at + 9)));
            let keys = KeyWords::shared();
            let ask = |probe: &mut ContextProbe<'_>| {
                let before = (probe.nearest_before(), probe.labelled(), probe.phone(), probe.ssn(), probe.product_code());
                (before, probe.labelled_either_side())
            };
            // Adjacency asked first may be answered from the nearby search alone.
            let ask_adjacent_first = |probe: &mut ContextProbe<'_>| {
                let (labelled, product_code) = (probe.labelled(), probe.product_code());
                let before = (probe.nearest_before(), labelled, probe.phone(), probe.ssn(), product_code);
                (before, probe.labelled_either_side())
            };
            let (mut cursor, mut adjacent_first, mut searched) =
                (KeyCursor::default(), KeyCursor::default(), KeyCursor::default());
            for span in spans.into_iter().flatten() {
                let answers = ask(&mut ContextProbe::new(hay, keys, &mut cursor, span));
                let adjacent = ask_adjacent_first(&mut ContextProbe::new(hay, keys, &mut adjacent_first, span));
                // A cursor that has searched the whole window first answers from its own hits.
                searched.cover(keys, hay, (back_chars(hay, span.0, CONTEXT_WINDOW), span.0));
                let whole = ask(&mut ContextProbe::new(hay, keys, &mut searched, span));
                prop_assert_eq!(answers, whole, "{:?} {:?}", text, span);
                prop_assert_eq!(adjacent, whole, "adjacency first: {:?} {:?}", text, span);
            }
        }
    }

    /// Found by the leak oracle: a search restarted a few bytes back from where the last one
    /// stopped began inside `tax id` and found its `id` (a label), so the nine digits after
    /// `tax id` were read as labelled and left unmasked.
    #[test]
    fn a_restarted_search_does_not_find_a_word_inside_a_phrase() {
        let masker =
            crate::Masker::builder().style(crate::Kind::Phone, crate::Style::Preserve).build().unwrap();
        let text = "8364483 هو هو فضلك «+31 6 22378222» فضلك هو من tax id 309836308; ك فضلك ";
        let found: Vec<_> = masker.find_iter(text).map(|m| (m.kind(), &text[m.range()])).collect();
        assert_eq!(found, [(crate::Kind::Phone, "+31 6 22378222"), (crate::Kind::Ssn, "309836308")]);
    }
}
