"""The starter content of ``helpcentre init``, in the languages it is written in.

One home, one contact page and one article of each type, so that a new help centre shows every
feature from its first build: categories and sections, search, "Did this help?", the contact
page with its opening hours, the stale-page rules. Writers replace the text; the structure stays.
A locale without sample text here gets no files of its own: its readers see the default
language's articles with the "not yet translated" notice, and ``translations status`` lists them.
"""

from __future__ import annotations

#: Per language: every string the starter content needs. ``{name}`` is the help centre's name.
SAMPLES: dict[str, dict[str, str]] = {
    "en": {
        "home_lead": "Answers to your questions, any time of day.",
        "home_body": "Search above or browse the categories. Can't find what you need? "
        "[Contact us](contact.md).",
        "contact_title": "Contact us",
        "contact_description": "Reach our support team by email.",
        "contact_body": "Write to us and we reply within one working day. Please tell us what "
        "you were trying to do and what you saw.",
        "getting_started": "Getting started",
        "getting_started_description": "What you need to know to begin.",
        "basics": "The basics",
        "account": "Your account",
        "account_description": "Sign in and keep your account safe.",
        "sign_in": "Signing in",
        "guide_title": "Set up your account",
        "guide_description": "Create your account and choose your settings in three steps.",
        "guide_body": "## Create your account {#create}\n\nSelect **Sign up**, enter your email "
        "address and choose a password.\n\n## Confirm your email address {#confirm}\n\nOpen the "
        "email we send you and select **Confirm**.\n\n## Choose your settings {#settings}\n\n"
        "Go to **Settings** to pick your language and notifications.",
        "faq_title": "Can I change the email address of my account?",
        "faq_description": "How to use another email address to sign in.",
        "faq_body": "Yes. Go to **Settings** > **Account**, enter the new address and confirm it "
        "from the email we send there. Until then, you sign in with the old address.",
        "trouble_title": "I cannot sign in",
        "trouble_description": "What to check when your password is not accepted.",
        "trouble_body": "## Check your email address {#email}\n\nMake sure you use the address "
        "your account was created with.\n\n## Reset your password {#reset}\n\nSelect **Forgot "
        "password?** on the sign-in page and follow the link we email you. The link works for "
        "one hour.",
        "page_title": "About this help centre",
        "page_description": "Who writes these articles and how to tell us what is missing.",
        "page_body": "Our support team writes and reviews every article. At the end of each "
        "one, tell us whether it helped: we read every answer.",
    },
    "fr": {
        "home_lead": "Des réponses à vos questions, à toute heure.",
        "home_body": "Cherchez ci-dessus ou parcourez les catégories. Vous ne trouvez pas ce "
        "qu'il vous faut ? [Contactez-nous](contact.md).",
        "contact_title": "Nous contacter",
        "contact_description": "Écrivez à notre équipe d'assistance.",
        "contact_body": "Écrivez-nous : nous répondons sous un jour ouvré. Dites-nous ce que "
        "vous vouliez faire et ce que vous avez vu.",
        "getting_started": "Premiers pas",
        "getting_started_description": "Ce qu'il faut savoir pour commencer.",
        "basics": "L'essentiel",
        "account": "Votre compte",
        "account_description": "Connectez-vous et protégez votre compte.",
        "sign_in": "Connexion",
        "guide_title": "Créer votre compte",
        "guide_description": "Créez votre compte et choisissez vos réglages en trois étapes.",
        "guide_body": "## Créez votre compte {#create}\n\nChoisissez **S'inscrire**, saisissez "
        "votre adresse e-mail et un mot de passe.\n\n## Confirmez votre adresse {#confirm}\n\n"
        "Ouvrez l'e-mail que nous vous envoyons et choisissez **Confirmer**.\n\n## Choisissez "
        "vos réglages {#settings}\n\nDans **Réglages**, choisissez votre langue et vos "
        "notifications.",
        "faq_title": "Puis-je changer l'adresse e-mail de mon compte ?",
        "faq_description": "Utiliser une autre adresse e-mail pour vous connecter.",
        "faq_body": "Oui. Dans **Réglages** > **Compte**, saisissez la nouvelle adresse et "
        "confirmez-la depuis l'e-mail que nous y envoyons. D'ici là, vous vous connectez avec "
        "l'ancienne.",
        "trouble_title": "Je n'arrive pas à me connecter",
        "trouble_description": "Que vérifier quand votre mot de passe est refusé.",
        "trouble_body": "## Vérifiez votre adresse e-mail {#email}\n\nUtilisez l'adresse avec "
        "laquelle votre compte a été créé.\n\n## Réinitialisez votre mot de passe {#reset}\n\n"
        "Choisissez **Mot de passe oublié ?** sur la page de connexion et suivez le lien reçu "
        "par e-mail. Il est valable une heure.",
        "page_title": "À propos de ce centre d'aide",
        "page_description": "Qui écrit ces articles et comment nous signaler un manque.",
        "page_body": "Notre équipe d'assistance écrit et relit chaque article. À la fin de "
        "chacun, dites-nous s'il vous a aidé : nous lisons toutes les réponses.",
    },
    "de": {
        "home_lead": "Antworten auf Ihre Fragen, rund um die Uhr.",
        "home_body": "Suchen Sie oben oder stöbern Sie in den Kategorien. Nichts gefunden? "
        "[Kontaktieren Sie uns](contact.md).",
        "contact_title": "Kontakt",
        "contact_description": "Schreiben Sie unserem Support-Team.",
        "contact_body": "Schreiben Sie uns, wir antworten innerhalb eines Werktags. Sagen Sie "
        "uns, was Sie tun wollten und was Sie gesehen haben.",
        "getting_started": "Erste Schritte",
        "getting_started_description": "Was Sie für den Anfang wissen müssen.",
        "basics": "Grundlagen",
        "account": "Ihr Konto",
        "account_description": "Anmelden und Ihr Konto schützen.",
        "sign_in": "Anmeldung",
        "guide_title": "Ihr Konto einrichten",
        "guide_description": "Konto erstellen und Einstellungen wählen, in drei Schritten.",
        "guide_body": "## Konto erstellen {#create}\n\nWählen Sie **Registrieren**, geben Sie "
        "Ihre E-Mail-Adresse ein und wählen Sie ein Passwort.\n\n## E-Mail-Adresse bestätigen "
        "{#confirm}\n\nÖffnen Sie die E-Mail, die wir Ihnen senden, und wählen Sie "
        "**Bestätigen**.\n\n## Einstellungen wählen {#settings}\n\nUnter **Einstellungen** "
        "wählen Sie Sprache und Benachrichtigungen.",
        "faq_title": "Kann ich die E-Mail-Adresse meines Kontos ändern?",
        "faq_description": "Mit einer anderen E-Mail-Adresse anmelden.",
        "faq_body": "Ja. Geben Sie unter **Einstellungen** > **Konto** die neue Adresse ein und "
        "bestätigen Sie sie über die E-Mail, die wir dorthin senden. Bis dahin melden Sie sich "
        "mit der alten Adresse an.",
        "trouble_title": "Ich kann mich nicht anmelden",
        "trouble_description": "Was Sie prüfen können, wenn Ihr Passwort nicht akzeptiert wird.",
        "trouble_body": "## E-Mail-Adresse prüfen {#email}\n\nVerwenden Sie die Adresse, mit "
        "der Ihr Konto erstellt wurde.\n\n## Passwort zurücksetzen {#reset}\n\nWählen Sie auf "
        "der Anmeldeseite **Passwort vergessen?** und folgen Sie dem Link aus der E-Mail. Er "
        "gilt eine Stunde.",
        "page_title": "Über dieses Hilfe-Center",
        "page_description": "Wer diese Artikel schreibt und wie Sie uns Fehlendes melden.",
        "page_body": "Unser Support-Team schreibt und prüft jeden Artikel. Sagen Sie uns am "
        "Ende, ob er geholfen hat: Wir lesen jede Antwort.",
    },
    "es": {
        "home_lead": "Respuestas a sus preguntas, a cualquier hora.",
        "home_body": "Busque arriba o explore las categorías. ¿No encuentra lo que necesita? "
        "[Contáctenos](contact.md).",
        "contact_title": "Contacto",
        "contact_description": "Escriba a nuestro equipo de asistencia.",
        "contact_body": "Escríbanos y le respondemos en un día laborable. Cuéntenos qué quería "
        "hacer y qué vio.",
        "getting_started": "Primeros pasos",
        "getting_started_description": "Lo que necesita saber para empezar.",
        "basics": "Lo básico",
        "account": "Su cuenta",
        "account_description": "Inicie sesión y proteja su cuenta.",
        "sign_in": "Inicio de sesión",
        "guide_title": "Configurar su cuenta",
        "guide_description": "Cree su cuenta y elija sus ajustes en tres pasos.",
        "guide_body": "## Cree su cuenta {#create}\n\nSeleccione **Registrarse**, escriba su "
        "correo electrónico y elija una contraseña.\n\n## Confirme su correo {#confirm}\n\n"
        "Abra el correo que le enviamos y seleccione **Confirmar**.\n\n## Elija sus ajustes "
        "{#settings}\n\nEn **Ajustes**, elija su idioma y sus notificaciones.",
        "faq_title": "¿Puedo cambiar el correo electrónico de mi cuenta?",
        "faq_description": "Cómo usar otro correo electrónico para iniciar sesión.",
        "faq_body": "Sí. En **Ajustes** > **Cuenta**, escriba la nueva dirección y confírmela "
        "desde el correo que le enviamos. Hasta entonces, inicia sesión con la antigua.",
        "trouble_title": "No puedo iniciar sesión",
        "trouble_description": "Qué comprobar cuando no se acepta su contraseña.",
        "trouble_body": "## Compruebe su correo {#email}\n\nUse la dirección con la que creó "
        "su cuenta.\n\n## Restablezca su contraseña {#reset}\n\nSeleccione **¿Olvidó su "
        "contraseña?** en la página de inicio de sesión y siga el enlace que le enviamos. "
        "Funciona durante una hora.",
        "page_title": "Sobre este centro de ayuda",
        "page_description": "Quién escribe estos artículos y cómo avisarnos de lo que falta.",
        "page_body": "Nuestro equipo de asistencia escribe y revisa cada artículo. Al final de "
        "cada uno, díganos si le ayudó: leemos todas las respuestas.",
    },
}
