"""Demo course content loaded by ``manage.py load_demo``.

Three courses written in French for the CNDH’s judicial police officers, grounded in the press
articles of shared/seeds (workshops held in Koulikoro 2019, Sévaré 2022, Bamako 2023 and 2025).
Pure data: each lesson body is a list of (block_type, value) pairs matching the blocks of
courses.blocks.LessonStreamBlock; a glossary_term value is the term to create or reuse.
"""

COURSES = [
    {
        "slug": "droits-humains-fonctions-opj",
        "title": "Les droits humains dans l’exercice des fonctions d’OPJ",
        "summary": (
            "Ce cours donne aux officiers de police judiciaire de la gendarmerie et de la police "
            "nationale les repères essentiels des droits humains applicables à leur mission. Il "
            "part des catégories de droits fondamentaux et de leurs mécanismes de protection, "
            "puis traite des droits des personnes gardées à vue, de la prévention de la torture "
            "et des mauvais traitements, et de la confiance entre les OPJ et la population."
        ),
        "audience": (
            "Officiers de police judiciaire de la gendarmerie et de la police nationale, en "
            "particulier ceux qui servent dans des zones de conflit et d’insécurité comme les "
            "régions de Ségou et de Mopti."
        ),
        "objectives": [
            (
                "Distinguer les grandes catégories de droits humains et les mécanismes qui les "
                "protègent."
            ),
            (
                "Appliquer, à chaque étape de la garde à vue, les garanties dues à la personne "
                "retenue."
            ),
            "Reconnaître, prévenir et signaler la torture et les mauvais traitements.",
            "Adopter des pratiques professionnelles qui renforcent la confiance de la population.",
        ],
        "duration_minutes": 90,
        "level": "initiation",
        "sequential": True,
        "modules": [
            {
                "title": "Les droits humains : notions, catégories et mécanismes de protection",
                "introduction": (
                    "<p>En novembre 2022, la CNDH a réuni à Sévaré quarante OPJ de la gendarmerie "
                    "et de la police nationale intervenant dans les régions de Ségou et de Mopti, "
                    "pour trois jours de formation sur les droits de l’homme. Ce module en "
                    "reprend le socle : ce que sont les droits humains, comment on les classe et "
                    "qui veille à leur respect.</p><p>Ces notions ne sont pas théoriques : elles "
                    "encadrent chacun de vos actes, de l’interpellation à la transmission du "
                    "dossier au parquet.</p>"
                ),
                "objectives": [
                    "Définir les droits humains et leurs principes fondamentaux.",
                    (
                        "Distinguer les grandes catégories de droits et les textes qui les "
                        "consacrent."
                    ),
                    (
                        "Situer le rôle de la CNDH et des mécanismes régionaux et internationaux "
                        "de protection."
                    ),
                ],
                "lessons": [
                    {
                        "title": "Les droits humains : définition et principes fondamentaux",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Chaque jour, l’officier de police judiciaire (OPJ) "
                                    "interpelle, entend, fouille, retient des personnes. Chacun "
                                    "de ces gestes touche à des droits que la loi et les "
                                    "engagements internationaux du Mali protègent. Connaître ces "
                                    "droits n’est pas une contrainte ajoutée au métier : c’est ce "
                                    "qui rend vos actes réguliers, vos procédures solides et "
                                    "votre autorité respectée.</p><p>Depuis 2012, le Mali "
                                    "traverse une crise sécuritaire qui pèse lourdement sur les "
                                    "populations, en particulier les femmes, les filles et les "
                                    "personnes en situation de vulnérabilité. Dans ce contexte, "
                                    "la Commission nationale des droits de l’homme (CNDH) s’est "
                                    "donné pour objectif de <strong>concilier le respect des "
                                    "droits et les impératifs sécuritaires</strong>, notamment en "
                                    "formant les acteurs clés comme les OPJ de la gendarmerie et "
                                    "de la police nationale.</p>"
                                ),
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Droits humains",
                                    "definition": (
                                        "<p>Ensemble des droits et libertés que toute personne "
                                        "possède du seul fait qu’elle est un être humain, sans "
                                        "distinction de sexe, d’origine, de langue, de religion, "
                                        "d’opinion ou de condition. Ils sont reconnus par la "
                                        "Constitution, les lois nationales et les traités "
                                        "ratifiés par l’État, qui en est le <strong>premier "
                                        "garant</strong>.</p>"
                                    ),
                                },
                            ),
                            (
                                "paragraph",
                                (
                                    "<h3>Quatre principes à garder en "
                                    "tête</h3><ul><li><strong>Universalité</strong> : les droits "
                                    "valent pour tous, y compris pour le suspect, l’étranger ou "
                                    "la personne soupçonnée d’appartenir à un groupe "
                                    "armé.</li><li><strong>Inaliénabilité</strong> : nul ne peut "
                                    "en être dépouillé arbitrairement ; certains peuvent être "
                                    "limités, mais seulement dans les cas et selon les formes "
                                    "prévus par la loi.</li><li><strong>Indivisibilité et "
                                    "interdépendance</strong> : le droit à la santé d’un gardé à "
                                    "vue est aussi important que son droit d’être informé des "
                                    "motifs de son arrestation.</li><li><strong>Égalité et "
                                    "non-discrimination</strong> : aucune personne ne doit être "
                                    "traitée plus durement en raison de son ethnie, de sa langue, "
                                    "de sa religion ou de son sexe.</li></ul>"
                                ),
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Déclaration universelle des droits de l’homme (1948)"
                                    ),
                                    "article": "Article 1",
                                    "quote": (
                                        "Tous les êtres humains naissent libres et égaux en "
                                        "dignité et en droits. Ils sont doués de raison et de "
                                        "conscience et doivent agir les uns envers les autres "
                                        "dans un esprit de fraternité."
                                    ),
                                    "source_url": (
                                        "https://www.un.org/fr/universal-declaration-human-rights/"
                                    ),
                                },
                            ),
                            (
                                "paragraph",
                                (
                                    "<h3>Respecter, protéger, mettre en œuvre</h3><p>L’État a "
                                    "trois obligations, que l’OPJ exerce en son nom "
                                    ":</p><ul><li><strong>Respecter</strong> : ne pas porter "
                                    "atteinte soi-même aux droits (pas de coups, pas de détention "
                                    "hors délai, pas "
                                    "d’humiliation).</li><li><strong>Protéger</strong> : empêcher "
                                    "que des tiers y portent atteinte (protéger un suspect contre "
                                    "une foule, enregistrer la plainte d’une femme "
                                    "menacée).</li><li><strong>Mettre en œuvre</strong> : "
                                    "organiser les moyens pour que les droits soient effectifs "
                                    "(registres tenus, locaux de garde à vue décents, interprète "
                                    "disponible).</li></ul><p>Parce que vous agissez au nom de "
                                    "l’État, une violation commise par un OPJ engage aussi la "
                                    "responsabilité de l’État malien.</p>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Officier de police judiciaire",
                                    "definition": (
                                        "Gendarme ou policier, ou autre agent désigné par la loi, "
                                        "investi par le Code de procédure pénale du pouvoir de "
                                        "constater les infractions, d’en rassembler les preuves "
                                        "et d’en rechercher les auteurs, et de prendre certaines "
                                        "mesures de contrainte comme la garde à vue, sous la "
                                        "direction et le contrôle du procureur de la République."
                                    ),
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Lors d’une interpellation à Ségou, des habitants en "
                                        "colère veulent frapper le suspect. Vous les en empêchez. "
                                        "Quelle obligation de l’État remplissez-vous d’abord ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": "L’obligation de respecter",
                                            "is_correct": False,
                                            "feedback": (
                                                "Respecter, c’est s’abstenir soi-même de porter "
                                                "atteinte aux droits. Ici, la menace vient de "
                                                "tiers."
                                            ),
                                        },
                                        {
                                            "text": "L’obligation de protéger",
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : vous empêchez des tiers de porter "
                                                "atteinte à l’intégrité physique du suspect."
                                            ),
                                        },
                                        {
                                            "text": "L’obligation de mettre en œuvre",
                                            "is_correct": False,
                                            "feedback": (
                                                "Mettre en œuvre, c’est organiser les moyens "
                                                "durables de l’exercice des droits (locaux, "
                                                "registres, formation)."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Le suspect reste titulaire de tous ses droits, y "
                                        "compris face à la colère de la population. Le protéger, "
                                        "c’est aussi préserver la procédure : un suspect blessé "
                                        "ou des aveux arrachés sous la pression d’une foule "
                                        "fragilisent toute l’enquête.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Les droits humains appartiennent à toute personne, y "
                                            "compris aux suspects."
                                        ),
                                        (
                                            "L’OPJ agit au nom de l’État : il doit respecter, "
                                            "protéger et mettre en œuvre les droits."
                                        ),
                                        (
                                            "Le respect des droits et l’efficacité sécuritaire se "
                                            "renforcent l’un l’autre."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Les catégories de droits humains",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>On classe habituellement les droits humains en grandes "
                                    "catégories. Ce classement n’établit pas de hiérarchie : il "
                                    "aide à identifier quels textes s’appliquent et quelles "
                                    "obligations en découlent pour vous.</p><h3>Les droits civils "
                                    "et politiques</h3><p>Ils protègent la personne contre "
                                    "l’arbitraire : droit à la vie, interdiction de la torture, "
                                    "droit à la liberté et à la sécurité, droit à un procès "
                                    "équitable, présomption d’innocence, liberté d’opinion, "
                                    "d’expression, de réunion et d’association, liberté de "
                                    "religion. Ils sont consacrés notamment par le <em>Pacte "
                                    "international relatif aux droits civils et politiques</em> "
                                    "(1966). Ce sont ceux que votre travail quotidien touche le "
                                    "plus directement.</p><h3>Les droits économiques, sociaux et "
                                    "culturels</h3><p>Droit au travail, à la santé, à "
                                    "l’éducation, à l’alimentation, au logement, à la "
                                    "participation à la vie culturelle. Ils sont consacrés par le "
                                    "<em>Pacte international relatif aux droits économiques, "
                                    "sociaux et culturels</em> (1966). Ils vous concernent aussi "
                                    ": une personne gardée à vue doit recevoir à boire, à manger "
                                    "et des soins si son état le nécessite.</p><h3>Les droits des "
                                    "peuples ou de solidarité</h3><p>Droit au développement, à la "
                                    "paix, à un environnement satisfaisant. La <em>Charte "
                                    "africaine des droits de l’homme et des peuples</em> (1981) a "
                                    "la particularité de les reconnaître expressément, à côté des "
                                    "droits individuels.</p>"
                                ),
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Certains textes protègent en outre des personnes "
                                    "particulièrement exposées : les femmes, les enfants, les "
                                    "personnes handicapées, les migrants. Dans les régions du "
                                    "Centre, vous rencontrez aussi des victimes de traite ou de "
                                    "travail forcé : de nombreux ressortissants de la sous-région "
                                    "en sont victimes, et plusieurs États d’Afrique de l’Ouest, "
                                    "dont le Mali, coopèrent pour échanger des informations et "
                                    "mieux les identifier.</p>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Traite des personnes",
                                    "definition": (
                                        "Fait de recruter, transporter, transférer, héberger ou "
                                        "accueillir une personne, par la menace, la force, la "
                                        "tromperie, l’abus d’autorité ou d’une situation de "
                                        "vulnérabilité, aux fins de l’exploiter (travail forcé, "
                                        "exploitation sexuelle, servitude, mendicité forcée…). "
                                        "Pour un enfant, le recours à ces moyens n’est pas exigé. "
                                        "La victime de traite doit être protégée, non traitée "
                                        "comme une délinquante."
                                    ),
                                },
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Charte africaine des droits de l’homme et des peuples "
                                        "(1981)"
                                    ),
                                    "article": "Article 5",
                                    "quote": (
                                        "Tout individu a droit au respect de la dignité inhérente "
                                        "à la personne humaine et à la reconnaissance de sa "
                                        "personnalité juridique. Toutes formes d’exploitation et "
                                        "d’avilissement de l’homme, notamment l’esclavage, la "
                                        "traite des personnes, la torture physique ou morale, et "
                                        "les peines ou les traitements cruels, inhumains ou "
                                        "dégradants sont interdites."
                                    ),
                                    "source_url": "",
                                },
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Droits indérogeables",
                                    "definition": (
                                        "<p>En cas de danger public exceptionnel, l’État peut, "
                                        "sous conditions strictes, suspendre temporairement "
                                        "certains droits. D’autres ne peuvent "
                                        "<strong>jamais</strong> être suspendus, même en période "
                                        "de conflit ou d’état d’urgence : notamment le droit à la "
                                        "vie, l’interdiction de la torture et des traitements "
                                        "cruels, inhumains ou dégradants, l’interdiction de "
                                        "l’esclavage et le principe selon lequel nul ne peut être "
                                        "condamné pour un acte qui n’était pas une infraction au "
                                        "moment où il a été commis (Pacte international relatif "
                                        "aux droits civils et politiques, article 4).</p>"
                                    ),
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Après une attaque dans le cercle de Bandiagara, l’état "
                                        "d’urgence est en vigueur. Un collègue affirme qu’on peut "
                                        "désormais « durcir » les interrogatoires. Qu’en est-il ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "C’est exact : l’état d’urgence suspend "
                                                "l’interdiction des mauvais traitements."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Non : l’interdiction de la torture et des "
                                                "traitements cruels, inhumains ou dégradants ne "
                                                "peut jamais être suspendue."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "C’est possible si le procureur l’autorise par "
                                                "écrit."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Aucune autorité ne peut autoriser la torture ou "
                                                "un mauvais traitement, et un tel ordre ne "
                                                "justifie rien."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "C’est faux : l’interdiction de la torture est "
                                                "absolue, même en état d’urgence."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : c’est un droit indérogeable, qui "
                                                "s’applique en tout temps et en tout lieu."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>L’état d’urgence peut permettre certaines "
                                        "restrictions prévues par la loi (circulation, "
                                        "rassemblements), jamais la torture ni les traitements "
                                        "cruels, inhumains ou dégradants. C’est précisément dans "
                                        "les contextes de conflit et d’insécurité que cette règle "
                                        "protège le plus.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Trois grandes catégories : droits civils et "
                                            "politiques ; droits économiques, sociaux et "
                                            "culturels ; droits des peuples."
                                        ),
                                        (
                                            "Aucune catégorie n’est supérieure à une autre : les "
                                            "droits sont indivisibles."
                                        ),
                                        (
                                            "Certains droits, comme l’interdiction de la torture, "
                                            "ne peuvent jamais être suspendus."
                                        ),
                                        (
                                            "Les personnes vulnérables, dont les victimes de "
                                            "traite, appellent une protection particulière."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Qui protège les droits humains ? Les mécanismes de protection",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Un droit n’a de valeur que s’il existe des moyens de le "
                                    "faire respecter. On parle de <strong>mécanismes de "
                                    "protection</strong>. Ils existent à trois niveaux, qui se "
                                    "complètent.</p><h3>Au niveau national : la première "
                                    "ligne</h3><ul><li>Les <strong>juridictions</strong>, "
                                    "gardiennes des libertés individuelles, et le "
                                    "<strong>procureur de la République</strong>, qui dirige et "
                                    "contrôle l’activité de police judiciaire, y compris les "
                                    "gardes à vue.</li><li>La <strong>hiérarchie</strong> et les "
                                    "services d’inspection de la gendarmerie et de la police, qui "
                                    "répondent des manquements disciplinaires.</li><li>La "
                                    "<strong>CNDH</strong>, autorité administrative indépendante, "
                                    "institution nationale des droits de l’homme et mécanisme "
                                    "national de prévention de la torture.</li><li>Les "
                                    "<strong>organisations de la société civile</strong> "
                                    "(associations de défense des droits humains, de femmes, de "
                                    "personnes handicapées…), qui documentent, alertent et "
                                    "accompagnent les victimes.</li></ul>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Institution nationale des droits de l’homme",
                                    "definition": (
                                        "Organisme public indépendant, créé par la loi, chargé de "
                                        "promouvoir et de protéger les droits humains dans un "
                                        "pays : recevoir des plaintes, visiter des lieux de "
                                        "détention, conseiller les autorités, former et "
                                        "sensibiliser. Au Mali, ce rôle est assuré par la "
                                        "Commission nationale des droits de l’homme (CNDH)."
                                    ),
                                },
                            ),
                            (
                                "paragraph",
                                (
                                    "<h3>Aux niveaux régional et international</h3><p>Au niveau "
                                    "africain, la <strong>Commission africaine des droits de "
                                    "l’homme et des peuples</strong> examine les rapports des "
                                    "États et peut recevoir des communications dénonçant des "
                                    "violations de la Charte africaine. Au niveau des Nations "
                                    "unies, des <strong>comités d’experts</strong> (Comité des "
                                    "droits de l’homme, Comité contre la torture…) examinent la "
                                    "façon dont chaque État applique les traités qu’il a ratifiés "
                                    "; le <strong>Conseil des droits de l’homme</strong> dispose "
                                    "de rapporteurs spéciaux et de l’Examen périodique universel. "
                                    "Leurs recommandations portent souvent sur la garde à vue, "
                                    "les conditions de détention et le comportement des forces de "
                                    "sécurité.</p>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Examen périodique universel",
                                    "definition": (
                                        "Procédure du Conseil des droits de l’homme des Nations "
                                        "unies par laquelle la situation des droits humains de "
                                        "chaque État membre est examinée à intervalles réguliers "
                                        "par les autres États, sur la base notamment du rapport "
                                        "national, des informations des Nations unies et de "
                                        "celles de la société civile et de l’institution "
                                        "nationale des droits de l’homme."
                                    ),
                                },
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Subsidiarité",
                                    "definition": (
                                        "<p>Les mécanismes régionaux et internationaux "
                                        "n’interviennent en principe qu’après les recours "
                                        "nationaux, ou lorsque ceux-ci sont inefficaces. La "
                                        "protection des droits repose donc d’abord sur les "
                                        "institutions nationales, et l’OPJ en est un maillon "
                                        "essentiel.</p>"
                                    ),
                                },
                            ),
                            (
                                "case_scenario",
                                {
                                    "title": "Une plainte au commissariat",
                                    "situation": (
                                        "<p>À Bamako, Mme Kadidia Sangho se présente au "
                                        "commissariat. Elle affirme que son fils de 19 ans a été "
                                        "frappé la veille lors d’une interpellation menée par une "
                                        "autre unité. Il est libre, mais porte des traces de "
                                        "coups. Le chef de poste hésite : « Ce n’est pas notre "
                                        "affaire, allez voir la CNDH. »</p>"
                                    ),
                                    "questions": [
                                        (
                                            "Le chef de poste peut-il refuser d’enregistrer la "
                                            "plainte ?"
                                        ),
                                        (
                                            "Quels mécanismes de protection Mme Sangho peut-elle "
                                            "mobiliser ?"
                                        ),
                                    ],
                                    "analysis": (
                                        "<p>Non. Des coups portés par des agents publics sont une "
                                        "infraction : la plainte doit être reçue, consignée et "
                                        "transmise au procureur de la République, qui décidera "
                                        "des suites. Il est utile de conseiller un examen médical "
                                        "rapide pour constater les blessures.</p><p>Mme Sangho "
                                        "peut <em>en plus</em> saisir la CNDH, qui peut recevoir "
                                        "sa requête, et informer une organisation de défense des "
                                        "droits humains. Les mécanismes régionaux ou "
                                        "internationaux ne viendraient qu’ensuite, si les voies "
                                        "nationales échouaient. Orienter vers la CNDH ne dispense "
                                        "jamais l’OPJ de recevoir la plainte.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "La protection des droits s’organise à trois niveaux "
                                            ": national, régional, international."
                                        ),
                                        (
                                            "Le juge, le procureur, la hiérarchie, la CNDH et la "
                                            "société civile forment la première ligne."
                                        ),
                                        (
                                            "Recevoir une plainte visant un agent public fait "
                                            "partie des devoirs de l’OPJ."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Les droits de la personne gardée à vue",
                "introduction": (
                    "<p>La garde à vue est le moment où une personne est le plus exposée : elle "
                    "est privée de liberté, isolée de ses proches, et dépend entièrement de "
                    "l’OPJ. C’est aussi le moment où se joue la solidité de votre "
                    "procédure.</p><p>Ce module reprend les conditions de légalité de la garde à "
                    "vue, les droits à notifier et les règles de traçabilité qui permettent d’en "
                    "contrôler le déroulement.</p>"
                ),
                "objectives": [
                    "Rappeler les conditions de légalité d’une garde à vue.",
                    "Notifier et faire respecter les droits de la personne gardée à vue.",
                    "Tenir une garde à vue traçable et se préparer aux contrôles.",
                ],
                "lessons": [
                    {
                        "title": "La garde à vue : une privation de liberté encadrée",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>La liberté est la règle ; la privation de liberté est "
                                    "l’exception. La garde à vue est la mesure par laquelle l’OPJ "
                                    "retient dans ses locaux, pour les nécessités de l’enquête, "
                                    "une personne contre laquelle existent des raisons plausibles "
                                    "de soupçonner qu’elle a commis ou tenté de commettre une "
                                    "infraction. C’est un pouvoir important, et c’est pourquoi la "
                                    "loi l’entoure de garanties précises.</p><h3>Trois conditions "
                                    "de légalité</h3><ol><li><strong>Un fondement</strong> : des "
                                    "indices sérieux contre la personne et une mesure réellement "
                                    "nécessaire à l’enquête (l’entendre, empêcher qu’elle fasse "
                                    "pression sur des témoins, qu’elle détruise des preuves ou "
                                    "qu’elle prenne la fuite).</li><li><strong>Un délai</strong> "
                                    ": la durée maximale et les conditions de prolongation sont "
                                    "fixées par le Code de procédure pénale. Vérifiez-les dans le "
                                    "texte en vigueur : un délai dépassé, même de quelques "
                                    "heures, rend la détention arbitraire.</li><li><strong>Un "
                                    "contrôle</strong> : le procureur de la République est "
                                    "informé de la mesure et la contrôle ; c’est lui qui autorise "
                                    "une éventuelle prolongation.</li></ol>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Garde à vue",
                                    "definition": (
                                        "Mesure de contrainte décidée par un officier de police "
                                        "judiciaire, sous le contrôle du procureur de la "
                                        "République, par laquelle une personne soupçonnée d’une "
                                        "infraction est retenue dans les locaux de la police ou "
                                        "de la gendarmerie pendant une durée limitée par la loi, "
                                        "pour les besoins de l’enquête."
                                    ),
                                },
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Pacte international relatif aux droits civils et "
                                        "politiques (1966)"
                                    ),
                                    "article": "Article 9",
                                    "quote": (
                                        "Tout individu a droit à la liberté et à la sécurité de "
                                        "sa personne. Nul ne peut faire l’objet d’une arrestation "
                                        "ou d’une détention arbitraire. Tout individu arrêté sera "
                                        "informé, au moment de son arrestation, des raisons de "
                                        "cette arrestation et recevra notification, dans le plus "
                                        "court délai, de toute accusation portée contre lui. Tout "
                                        "individu arrêté ou détenu du chef d’une infraction "
                                        "pénale sera traduit dans le plus court délai devant un "
                                        "juge ou une autre autorité habilitée par la loi à "
                                        "exercer des fonctions judiciaires (résumé des "
                                        "paragraphes 1 à 3)."
                                    ),
                                    "source_url": (
                                        "https://www.ohchr.org/fr/instruments-mechanisms/instruments/international-covenant-civil-and-political-rights"
                                    ),
                                },
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Détention arbitraire",
                                    "definition": (
                                        "<p>Privation de liberté sans base légale, au-delà des "
                                        "délais légaux, sans respect des garanties de procédure, "
                                        "ou motivée par l’exercice pacifique d’un droit (exprimer "
                                        "une opinion, manifester, défendre les droits d’autrui). "
                                        "Garder une personne « à disposition » sans mesure "
                                        "formelle, ou la retenir pour faire pression sur sa "
                                        "famille, relève de la détention arbitraire.</p>"
                                    ),
                                },
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Présomption d’innocence",
                                    "definition": (
                                        "Principe selon lequel toute personne suspectée ou "
                                        "poursuivie est considérée comme innocente tant que sa "
                                        "culpabilité n’a pas été légalement établie par une "
                                        "juridiction. Il interdit notamment de présenter "
                                        "publiquement un gardé à vue comme coupable."
                                    ),
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Le délai légal de garde à vue d’un suspect arrive à son "
                                        "terme à la brigade de Mopti, mais les vérifications ne "
                                        "sont pas terminées. Que devez-vous faire ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "Le garder encore quelques heures « à disposition "
                                                "», sans l’inscrire au registre."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "C’est une détention arbitraire, qui engage votre "
                                                "responsabilité et fragilise la procédure."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Demander à temps la prolongation au procureur si "
                                                "la loi le permet ; sinon, libérer la personne ou "
                                                "la présenter au magistrat."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : seul le magistrat peut autoriser une "
                                                "prolongation, dans les limites de la loi."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Le transférer dans une autre unité pour faire "
                                                "repartir le délai."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Le délai court depuis le début de la privation "
                                                "de liberté : un transfert ne le remet jamais à "
                                                "zéro."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Anticipez : si vous prévoyez que le délai ne suffira "
                                        "pas, saisissez le parquet avant son expiration. Toute "
                                        "heure passée en garde à vue doit être inscrite et "
                                        "justifiable.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "La garde à vue suppose des raisons plausibles de "
                                            "soupçonner et une réelle nécessité pour l’enquête."
                                        ),
                                        (
                                            "Ses délais et conditions de prolongation sont fixés "
                                            "par le Code de procédure pénale."
                                        ),
                                        (
                                            "Le procureur de la République contrôle la mesure ; "
                                            "au-delà du délai, la détention devient arbitraire."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Notifier et garantir les droits de la personne gardée à vue",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Les premières heures de la garde à vue sont celles où le "
                                    "risque de mauvais traitement est le plus élevé. Les "
                                    "standards internationaux, que le droit malien reprend pour "
                                    "l’essentiel, prévoient un ensemble de garanties. Leurs "
                                    "modalités précises (moment, formes, délais) sont fixées par "
                                    "le Code de procédure pénale : référez-vous au texte en "
                                    "vigueur et aux instructions du parquet.</p><ul><li>Être "
                                    "informé, <strong>dans une langue qu’il comprend</strong>, de "
                                    "la mesure, de sa durée, de l’infraction soupçonnée et de ses "
                                    "droits.</li><li>Faire prévenir un proche ou, pour un "
                                    "étranger, ses autorités consulaires.</li><li>Bénéficier de "
                                    "l’assistance d’un avocat, dans les conditions prévues par la "
                                    "loi.</li><li>Être examiné par un médecin, et recevoir les "
                                    "soins nécessaires.</li><li>Ne pas être contraint de "
                                    "témoigner contre soi-même ou de s’avouer "
                                    "coupable.</li><li>Être détenu dans des conditions dignes : "
                                    "eau, nourriture, repos, hygiène ; séparation des hommes et "
                                    "des femmes, des mineurs et des adultes.</li></ul><p>Pour un "
                                    "mineur, informez sans délai le parquet et la famille, et "
                                    "appliquez les règles particulières prévues pour les enfants "
                                    "en conflit avec la loi.</p>"
                                ),
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Lignes directrices de la Commission africaine sur les "
                                        "conditions d’arrestation, de garde à vue et de détention "
                                        "provisoire en Afrique (Lignes directrices de Luanda, "
                                        "2014)"
                                    ),
                                    "article": "",
                                    "quote": (
                                        "Résumé : toute personne arrêtée doit être informée de "
                                        "ses droits, pouvoir prévenir un proche, avoir accès à un "
                                        "avocat et à un médecin, disposer d’un interprète si "
                                        "nécessaire, et voir sa détention consignée dans un "
                                        "registre officiel. Ces garanties visent à prévenir la "
                                        "détention arbitraire, la torture et les mauvais "
                                        "traitements."
                                    ),
                                    "source_url": "",
                                },
                            ),
                            (
                                "video",
                                {
                                    "url": "",
                                    "title": "La notification des droits, pas à pas",
                                    "duration_minutes": 5,
                                    "transcript": (
                                        "<strong>[Capsule pédagogique de la CNDH — transcription "
                                        "intégrale]</strong><p>Bonjour. Dans cette capsule, nous "
                                        "suivons une notification des droits en garde à vue, "
                                        "étape par étape.</p><p>Première étape : le moment. Les "
                                        "droits se notifient dès le placement en garde à vue, pas "
                                        "après la première audition. Une personne qui ne connaît "
                                        "pas ses droits ne peut pas les exercer.</p><p>Deuxième "
                                        "étape : la langue. Demandez à la personne quelle langue "
                                        "elle comprend le mieux : bambara, fulfuldé, songhaï, "
                                        "tamasheq, français ou une autre. Si vous ne parlez pas "
                                        "sa langue, faites appel à un interprète et mentionnez "
                                        "son identité au procès-verbal. Un codétenu ou le "
                                        "plaignant ne doit jamais servir "
                                        "d’interprète.</p><p>Troisième étape : le contenu. Dites "
                                        "clairement pourquoi la personne est retenue, pour "
                                        "combien de temps au plus, et ce qu’elle peut demander : "
                                        "prévenir un proche, voir un médecin, être assistée d’un "
                                        "avocat dans les conditions prévues par la loi. Utilisez "
                                        "des mots simples, puis demandez-lui de reformuler pour "
                                        "vérifier qu’elle a compris.</p><p>Quatrième étape : la "
                                        "trace. Consignez l’heure de la notification, les droits "
                                        "demandés, la suite donnée à chaque demande, et faites "
                                        "signer la personne. Si elle refuse ou ne sait pas "
                                        "signer, mentionnez-le.</p><p>Dernière étape : le suivi. "
                                        "Une demande de médecin ou d’appel à la famille doit être "
                                        "satisfaite sans retard injustifié. Un droit notifié mais "
                                        "jamais appliqué n’est pas un droit "
                                        "respecté.</p><p>Retenez : notifier tôt, dans la bonne "
                                        "langue, avec des mots simples, et tout consigner.</p>"
                                    ),
                                },
                            ),
                            (
                                "case_scenario",
                                {
                                    "title": "Une interpellation de nuit à Sévaré",
                                    "situation": (
                                        "<p>Vers 23 heures, une patrouille de la brigade de "
                                        "Sévaré ramène Hamadoun, un jeune berger soupçonné de vol "
                                        "de bétail. Il ne parle que le fulfuldé. Aucun gendarme "
                                        "présent ne le parle couramment. Le chef de patrouille "
                                        "propose d’attendre le lendemain pour lui notifier ses "
                                        "droits et de faire traduire par le plaignant, qui parle "
                                        "fulfuldé.</p>"
                                    ),
                                    "questions": [
                                        (
                                            "Peut-on différer la notification des droits au "
                                            "lendemain ?"
                                        ),
                                        "Le plaignant peut-il servir d’interprète ?",
                                        "Que faut-il consigner ?",
                                    ],
                                    "analysis": (
                                        "<p>La notification doit intervenir dès le placement en "
                                        "garde à vue. Si aucun interprète n’est disponible "
                                        "immédiatement, il faut en rechercher un sans délai "
                                        "(personnel d’une autre unité, interprète requis) et "
                                        "consigner les démarches et l’heure effective de la "
                                        "notification.</p><p>Le plaignant ne peut pas interpréter "
                                        ": il a un intérêt dans l’affaire, et sa traduction ne "
                                        "serait ni neutre ni fiable. Une audition menée ainsi "
                                        "serait contestable.</p><p>Il faut consigner l’heure "
                                        "d’arrivée, l’heure et la langue de la notification, "
                                        "l’identité de l’interprète, les droits demandés et leur "
                                        "suite. Hamadoun doit également pouvoir boire et se "
                                        "reposer.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Les droits se notifient dès le début de la garde à "
                                            "vue, dans une langue comprise."
                                        ),
                                        (
                                            "Un droit n’est respecté que s’il est effectivement "
                                            "appliqué."
                                        ),
                                        "Tout ce qui est fait ou demandé doit être consigné.",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Une garde à vue traçable et contrôlable",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Une garde à vue bien menée est une garde à vue dont on "
                                    "peut, à tout moment, reconstituer le déroulement. La "
                                    "traçabilité protège la personne retenue contre l’arbitraire "
                                    "; elle protège aussi l’OPJ contre des accusations infondées "
                                    "et elle rend la procédure solide devant le juge.</p><h3>Le "
                                    "registre de garde à vue</h3><p>Chaque unité tient un "
                                    "registre où figurent, pour chaque personne : son identité, "
                                    "le motif de la mesure, l’heure de début, les heures "
                                    "d’audition et de repos, les repas, les visites du médecin et "
                                    "de l’avocat, les éventuelles prolongations et l’heure de fin "
                                    "(libération ou présentation au magistrat). Le registre doit "
                                    "concorder avec les procès-verbaux.</p><h3>Les "
                                    "contrôles</h3><p>Le procureur de la République peut "
                                    "contrôler à tout moment les locaux et les registres. La "
                                    "CNDH, en sa qualité de mécanisme national de prévention de "
                                    "la torture, peut aussi visiter les lieux de privation de "
                                    "liberté. Ces contrôles ne sont pas une marque de défiance : "
                                    "ils font partie du fonctionnement normal d’un État de "
                                    "droit.</p>"
                                ),
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Traçabilité",
                                    "definition": (
                                        "<p>Capacité à retrouver, par des écrits fiables et "
                                        "concordants (registre, procès-verbaux, certificats "
                                        "médicaux), le déroulement exact d’une privation de "
                                        "liberté : qui a décidé quoi, à quelle heure, et comment "
                                        "la personne a été traitée. Ce qui n’est pas écrit est "
                                        "réputé ne pas avoir été fait.</p>"
                                    ),
                                },
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Registre de garde à vue",
                                    "definition": (
                                        "Registre officiel, tenu dans chaque unité, où sont "
                                        "consignés pour chaque personne gardée à vue son "
                                        "identité, le motif et les heures de début et de fin de "
                                        "la mesure, les auditions, repos, repas, visites et "
                                        "prolongations. Il doit être tenu au fur et à mesure, "
                                        "sans blanc ni rature non approuvée."
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "La tenue du registre",
                                    "do": [
                                        (
                                            "Inscrire chaque personne dès son arrivée, avec "
                                            "l’heure exacte."
                                        ),
                                        (
                                            "Noter au fur et à mesure les auditions, les repos, "
                                            "les repas et les visites."
                                        ),
                                        (
                                            "Signaler par écrit toute blessure constatée à "
                                            "l’arrivée et faire examiner la personne."
                                        ),
                                        (
                                            "Vérifier la concordance entre le registre et les "
                                            "procès-verbaux avant transmission."
                                        ),
                                    ],
                                    "dont": [
                                        "Remplir le registre en fin de journée, de mémoire.",
                                        (
                                            "Retenir une personne dans un local non déclaré ou "
                                            "hors registre."
                                        ),
                                        "Corriger une heure sans mention ni approbation.",
                                        (
                                            "Refuser ou retarder l’accès du procureur ou de la "
                                            "CNDH aux locaux et aux registres."
                                        ),
                                    ],
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Un homme arrive à la brigade avec une plaie au front, "
                                        "qu’il dit s’être faite en tombant de sa moto avant "
                                        "l’interpellation. Quelle est la bonne pratique ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "Ne rien noter, puisque la blessure est "
                                                "antérieure à l’arrivée."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Sans trace écrite, on pourra ensuite attribuer "
                                                "la blessure à la garde à vue."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Noter la blessure et ses explications au "
                                                "registre, et le faire examiner par un médecin."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : cela protège la personne, qui reçoit des "
                                                "soins, et l’unité, qui pourra justifier de "
                                                "l’état initial."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Attendre la fin de la garde à vue pour voir si "
                                                "la plaie guérit."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Une blessure doit être soignée sans délai, et "
                                                "son constat ne peut pas attendre."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Le constat écrit et médical de l’état de la personne "
                                        "à son arrivée est l’une des garanties les plus efficaces "
                                        "contre les mauvais traitements, et contre les "
                                        "allégations injustifiées.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Le registre de garde à vue se tient au fur et à "
                                            "mesure et concorde avec les procès-verbaux."
                                        ),
                                        (
                                            "Toute blessure constatée à l’arrivée est consignée "
                                            "et fait l’objet d’un examen médical."
                                        ),
                                        (
                                            "Le procureur et la CNDH peuvent contrôler les lieux "
                                            "de garde à vue : coopérez."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Prévenir la torture et bâtir la confiance avec la population",
                "introduction": (
                    "<p>La CNDH est à la fois institution nationale des droits de l’homme et "
                    "mécanisme national de prévention de la torture. Ce module présente "
                    "l’interdiction absolue de la torture et des mauvais traitements, les moyens "
                    "concrets de les prévenir, et la façon dont le respect des droits nourrit la "
                    "confiance entre les OPJ et la population.</p>"
                ),
                "objectives": [
                    "Reconnaître la torture et les traitements cruels, inhumains ou dégradants.",
                    "Appliquer les mesures de prévention et réagir face à un mauvais traitement.",
                    "Adopter des pratiques qui renforcent la confiance de la population.",
                ],
                "lessons": [
                    {
                        "title": "Torture et mauvais traitements : une interdiction absolue",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>La prévention de la torture et des autres peines ou "
                                    "traitements cruels, inhumains ou dégradants fait partie de "
                                    "la mission légale de la CNDH. Pour l’OPJ, la règle est "
                                    "simple : aucune circonstance ne justifie la torture ou un "
                                    "mauvais traitement. Ni l’urgence, ni la gravité des faits, "
                                    "ni l’ordre d’un supérieur.</p>"
                                ),
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Convention contre la torture et autres peines ou "
                                        "traitements cruels, inhumains ou dégradants (1984)"
                                    ),
                                    "article": "Article 1",
                                    "quote": (
                                        "Le terme « torture » désigne tout acte par lequel une "
                                        "douleur ou des souffrances aiguës, physiques ou "
                                        "mentales, sont intentionnellement infligées à une "
                                        "personne aux fins notamment d’obtenir d’elle ou d’une "
                                        "tierce personne des renseignements ou des aveux, de la "
                                        "punir d’un acte qu’elle ou une tierce personne a commis "
                                        "ou est soupçonnée d’avoir commis, de l’intimider ou de "
                                        "faire pression sur elle ou d’intimider ou de faire "
                                        "pression sur une tierce personne, ou pour tout autre "
                                        "motif fondé sur une forme de discrimination quelle "
                                        "qu’elle soit, lorsqu’une telle douleur ou de telles "
                                        "souffrances sont infligées par un agent de la fonction "
                                        "publique ou toute autre personne agissant à titre "
                                        "officiel ou à son instigation ou avec son consentement "
                                        "exprès ou tacite (extrait)."
                                    ),
                                    "source_url": (
                                        "https://www.ohchr.org/fr/instruments-mechanisms/instruments/convention-against-torture-and-other-cruel-inhuman-or-degrading"
                                    ),
                                },
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>La définition comporte quatre éléments : une douleur ou "
                                    "des souffrances aiguës, physiques <em>ou mentales</em> ; une "
                                    "intention ; un but (aveux, renseignements, punition, "
                                    "intimidation, discrimination) ; l’implication d’un agent "
                                    "public, qui peut agir lui-même, donner l’ordre ou simplement "
                                    "laisser faire.</p><p>Les actes qui n’atteignent pas ce degré "
                                    "de gravité restent interdits : ce sont les traitements "
                                    "cruels, inhumains ou dégradants. Dans un contexte de police, "
                                    "cela couvre par exemple les coups et gifles, les positions "
                                    "pénibles prolongées, la privation de sommeil, d’eau ou de "
                                    "nourriture, les menaces contre la famille, les simulacres "
                                    "d’exécution, la nudité forcée, les insultes et humiliations, "
                                    "ou une cellule surpeuplée sans eau par forte chaleur.</p>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Traitement cruel, inhumain ou dégradant",
                                    "definition": (
                                        "Acte ou condition de détention qui inflige à une "
                                        "personne des souffrances physiques ou mentales, ou une "
                                        "humiliation, d’une gravité suffisante sans atteindre "
                                        "nécessairement le seuil de la torture. Comme la torture, "
                                        "il est interdit en toutes circonstances."
                                    ),
                                },
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Convention contre la torture et autres peines ou "
                                        "traitements cruels, inhumains ou dégradants (1984)"
                                    ),
                                    "article": "Article 2",
                                    "quote": (
                                        "Tout État partie prend des mesures législatives, "
                                        "administratives, judiciaires et autres mesures efficaces "
                                        "pour empêcher que des actes de torture soient commis "
                                        "dans tout territoire sous sa juridiction. Aucune "
                                        "circonstance exceptionnelle, quelle qu’elle soit, qu’il "
                                        "s’agisse de l’état de guerre ou de menace de guerre, "
                                        "d’instabilité politique intérieure ou de tout autre état "
                                        "d’exception, ne peut être invoquée pour justifier la "
                                        "torture. L’ordre d’un supérieur ou d’une autorité "
                                        "publique ne peut être invoqué pour justifier la torture."
                                    ),
                                    "source_url": (
                                        "https://www.ohchr.org/fr/instruments-mechanisms/instruments/convention-against-torture-and-other-cruel-inhuman-or-degrading"
                                    ),
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Après l’attaque d’un poste près de Djenné, votre "
                                        "supérieur vous ordonne de « faire parler » un suspect « "
                                        "par tous les moyens ». Que faites-vous ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "J’exécute : l’ordre vient d’un supérieur et la "
                                                "situation est grave."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "L’ordre d’un supérieur ne peut jamais justifier "
                                                "la torture : vous en seriez personnellement "
                                                "responsable."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Je refuse tout mauvais traitement et je conduis "
                                                "l’audition dans les règles, en rendant compte "
                                                "par écrit si l’ordre est maintenu."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : un ordre manifestement illégal ne doit "
                                                "pas être exécuté."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Je laisse un collègue s’en charger sans "
                                                "intervenir."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Laisser faire en connaissance de cause engage "
                                                "aussi votre responsabilité."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Un ordre de torturer est manifestement illégal. De "
                                        "plus, la Convention (article 15) interdit d’utiliser "
                                        "comme preuve une déclaration obtenue par la torture, "
                                        "sauf contre l’auteur de la torture. Les aveux arrachés "
                                        "par la violence sont souvent faux : ils égarent "
                                        "l’enquête et font échouer les poursuites.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "La torture et les traitements cruels, inhumains ou "
                                            "dégradants sont interdits en toutes circonstances."
                                        ),
                                        (
                                            "Les souffrances mentales (menaces, humiliations) "
                                            "peuvent constituer une torture."
                                        ),
                                        (
                                            "L’ordre d’un supérieur ne justifie jamais un mauvais "
                                            "traitement."
                                        ),
                                        (
                                            "Un aveu obtenu par la torture ne peut pas servir de "
                                            "preuve."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Prévenir au quotidien : garanties, contrôles et signalement",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>La torture ne se combat pas seulement par la sanction : "
                                    "elle se prévient. La prévention repose sur trois piliers que "
                                    "vous connaissez déjà : les <strong>garanties de la garde à "
                                    "vue</strong> (notification des droits, médecin, avocat, "
                                    "registre), les <strong>contrôles externes</strong> (parquet, "
                                    "CNDH) et une <strong>culture professionnelle</strong> qui "
                                    "privilégie l’enquête fondée sur les preuves plutôt que sur "
                                    "l’aveu.</p><p>Le Mali a accepté le Protocole facultatif à la "
                                    "Convention contre la torture, qui repose sur des visites "
                                    "régulières des lieux de privation de liberté. La CNDH a été "
                                    "désignée comme <strong>mécanisme national de prévention de "
                                    "la torture</strong>.</p>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Mécanisme national de prévention de la torture",
                                    "definition": (
                                        "Organe indépendant, prévu par le Protocole facultatif à "
                                        "la Convention contre la torture, chargé de visiter "
                                        "régulièrement les lieux où des personnes sont privées de "
                                        "liberté (locaux de garde à vue, prisons, centres de "
                                        "détention) et d’adresser aux autorités des "
                                        "recommandations pour prévenir la torture et les mauvais "
                                        "traitements. Au Mali, ce rôle est confié à la CNDH."
                                    ),
                                },
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Protocole facultatif se rapportant à la Convention "
                                        "contre la torture (2002)"
                                    ),
                                    "article": "Articles 19 et 20",
                                    "quote": (
                                        "Résumé : le mécanisme national de prévention examine "
                                        "régulièrement la situation des personnes privées de "
                                        "liberté et formule des recommandations aux autorités. "
                                        "L’État lui garantit l’accès à tous les lieux de "
                                        "détention et à toutes les informations utiles, la "
                                        "possibilité de s’entretenir en privé, sans témoins, avec "
                                        "les personnes privées de liberté, et la liberté de "
                                        "choisir les lieux qu’il visite et les personnes qu’il "
                                        "rencontre."
                                    ),
                                    "source_url": "",
                                },
                            ),
                            (
                                "case_scenario",
                                {
                                    "title": "Une visite inopinée à la brigade",
                                    "situation": (
                                        "<p>Un samedi matin, deux membres de la CNDH se "
                                        "présentent à la brigade de Ségou sans avoir prévenu. Ils "
                                        "demandent à voir les cellules, le registre de garde à "
                                        "vue et à s’entretenir seuls avec un gardé à vue. Le "
                                        "commandant d’unité est absent. L’adjoint, l’adjudant "
                                        "Bakary Dembélé, craint de commettre une faute.</p>"
                                    ),
                                    "questions": [
                                        (
                                            "L’adjoint peut-il exiger un rendez-vous ou attendre "
                                            "le retour du commandant ?"
                                        ),
                                        "Peut-il assister à l’entretien avec le gardé à vue ?",
                                        "Que doit-il faire après la visite ?",
                                    ],
                                    "analysis": (
                                        "<p>En tant que mécanisme national de prévention de la "
                                        "torture, la CNDH peut visiter les lieux de privation de "
                                        "liberté sans préavis : c’est ce qui rend ses visites "
                                        "utiles. L’adjoint vérifie l’identité des visiteurs, leur "
                                        "donne accès et informe sa hiérarchie, sans retarder la "
                                        "visite.</p><p>Non : l’entretien est confidentiel et se "
                                        "tient sans témoins. Les gendarmes peuvent assurer la "
                                        "sécurité à distance, sans écouter.</p><p>Il rend compte "
                                        "par écrit et veille à ce que la personne entendue ne "
                                        "subisse aucune représaille. Les recommandations de la "
                                        "CNDH sont une aide pour améliorer les pratiques de "
                                        "l’unité.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Face à un mauvais traitement constaté",
                                    "do": [
                                        (
                                            "Faire cesser immédiatement les violences et protéger "
                                            "la personne."
                                        ),
                                        "Faire examiner et soigner la personne sans délai.",
                                        (
                                            "Rendre compte à la hiérarchie et informer le "
                                            "procureur de la République."
                                        ),
                                        "Consigner les faits et préserver les éléments de preuve.",
                                    ],
                                    "dont": [
                                        "Détourner le regard par solidarité entre collègues.",
                                        (
                                            "Faire pression sur la victime pour qu’elle se taise "
                                            "ou retire sa plainte."
                                        ),
                                        (
                                            "Modifier le registre ou les procès-verbaux pour "
                                            "masquer les faits."
                                        ),
                                        (
                                            "Transférer discrètement la personne pour éviter un "
                                            "contrôle."
                                        ),
                                    ],
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Prévenir la torture, c’est appliquer chaque jour les "
                                            "garanties de la garde à vue."
                                        ),
                                        (
                                            "La CNDH, mécanisme national de prévention, peut "
                                            "visiter sans préavis les lieux de garde à vue."
                                        ),
                                        (
                                            "Témoin d’un mauvais traitement, l’OPJ intervient, "
                                            "fait soigner et signale."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Bâtir la confiance entre les OPJ et la population",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>L’un des objectifs de la formation des OPJ de Ségou et de "
                                    "Mopti était de renforcer <strong>l’esprit de confiance "
                                    "mutuelle</strong> entre les forces de sécurité et les "
                                    "populations. Les OPJ formés sont appelés à servir de relais "
                                    "de la promotion des droits humains au sein de leurs "
                                    "unités.</p><p>La confiance n’est pas une question d’image : "
                                    "c’est une condition d’efficacité. Sans confiance, les "
                                    "victimes ne portent pas plainte, les témoins se taisent, les "
                                    "informations n’arrivent pas. Dans un contexte de conflit, "
                                    "chaque abus commis par un agent public nourrit la peur et la "
                                    "défiance, dont profitent ceux qui veulent opposer les "
                                    "communautés à l’État.</p><h3>Ce qui construit la "
                                    "confiance</h3><ul><li>Un accueil respectueux au poste, dans "
                                    "la langue de l’usager, quelles que soient son origine et sa "
                                    "condition.</li><li>Des plaintes enregistrées et suivies, y "
                                    "compris lorsqu’elles visent des agents publics.</li><li>Un "
                                    "traitement égal de toutes les communautés, sans amalgame "
                                    "entre une population et les groupes armés qui opèrent dans "
                                    "sa zone.</li><li>Une information des familles sur le sort de "
                                    "leurs proches interpellés.</li><li>Le respect de la parole "
                                    "donnée et des biens saisis, restitués contre reçu.</li></ul>"
                                ),
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Redevabilité",
                                    "definition": (
                                        "<p>Obligation, pour l’agent public, de rendre compte de "
                                        "ses actes et d’en assumer les conséquences devant sa "
                                        "hiérarchie, la justice et, plus largement, la "
                                        "population. Elle suppose des actes traçables, des "
                                        "plaintes reçues et des manquements sanctionnés.</p>"
                                    ),
                                },
                            ),
                            (
                                "case_scenario",
                                {
                                    "title": "Un village qui ne parle plus",
                                    "situation": (
                                        "<p>Après une opération dans un village proche de Mopti, "
                                        "au cours de laquelle des habitants disent avoir été "
                                        "molestés et des motos confisquées sans reçu, plus "
                                        "personne ne vient au poste. Un mois plus tard, un vol "
                                        "avec violence y est commis : aucun témoin n’accepte de "
                                        "parler à l’OPJ chargé de l’enquête, le maréchal des "
                                        "logis Issa Togo.</p>"
                                    ),
                                    "questions": [
                                        "Comment expliquer le silence des habitants ?",
                                        (
                                            "Quelles initiatives l’OPJ peut-il prendre pour "
                                            "renouer le contact ?"
                                        ),
                                    ],
                                    "analysis": (
                                        "<p>Le silence est la conséquence directe des abus perçus "
                                        ": les habitants craignent d’être à leur tour maltraités "
                                        "ou soupçonnés, et doutent de l’utilité de "
                                        "parler.</p><p>L’OPJ peut, avec l’accord de sa "
                                        "hiérarchie, rencontrer les autorités coutumières et "
                                        "religieuses et les représentants des femmes et des "
                                        "jeunes, recevoir et transmettre les plaintes relatives à "
                                        "l’opération, organiser la restitution des motos contre "
                                        "reçu, et garantir la confidentialité aux témoins. La "
                                        "confiance se reconstruit par des actes visibles, pas par "
                                        "des promesses.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Relations avec la population",
                                    "do": [
                                        (
                                            "Se présenter, expliquer le motif de l’intervention "
                                            "et rester courtois."
                                        ),
                                        "Délivrer un reçu pour tout objet saisi.",
                                        (
                                            "Informer les familles du lieu où se trouve la "
                                            "personne interpellée."
                                        ),
                                        (
                                            "Protéger l’identité des témoins et des victimes qui "
                                            "se confient."
                                        ),
                                    ],
                                    "dont": [
                                        "Traiter une communauté entière comme suspecte.",
                                        (
                                            "Exiger de l’argent ou un service en échange d’un "
                                            "acte de procédure."
                                        ),
                                        (
                                            "Décourager une plainte au motif qu’elle vise un "
                                            "agent public."
                                        ),
                                        "Divulguer le nom d’un informateur ou d’un témoin.",
                                    ],
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Pourquoi le respect des droits humains renforce-t-il "
                                        "l’efficacité des enquêtes ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "Parce qu’il dispense de rechercher des preuves "
                                                "matérielles."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Au contraire, il oriente l’enquête vers les "
                                                "preuves plutôt que vers l’aveu."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Parce qu’il encourage victimes et témoins à "
                                                "coopérer et rend les procédures solides devant "
                                                "le juge."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : la confiance apporte l’information, et "
                                                "la régularité protège la procédure."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Parce qu’il permet de clore plus vite les "
                                                "dossiers sans audition."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Le respect des droits ne supprime aucune étape "
                                                "de l’enquête."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Le respect des droits et la sécurité ne s’opposent "
                                        "pas : c’est ce que la CNDH appelle concilier le respect "
                                        "des droits et les impératifs sécuritaires.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "La confiance de la population est une condition de "
                                            "l’efficacité des enquêtes."
                                        ),
                                        (
                                            "Chaque abus nourrit la peur et la défiance envers "
                                            "l’État."
                                        ),
                                        (
                                            "L’OPJ formé est un relais des droits humains dans "
                                            "son unité."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "defenseurs-droits-humains-mnpddh",
        "title": (
            "Défenseurs des droits humains : cadre juridique et mécanisme national de protection"
        ),
        "summary": (
            "Qui sont les défenseurs des droits humains, quels droits leur reconnaissent la "
            "Déclaration des Nations unies de 1998 et la loi malienne du 12 janvier 2018, et "
            "comment fonctionne le mécanisme national de protection confié à la CNDH ? Ce cours "
            "donne aux OPJ les repères pour reconnaître un défenseur, traiter sa plainte et "
            "l’orienter vers les voies de protection nationales, régionales et internationales."
        ),
        "audience": (
            "OPJ, personnels de la CNDH et membres d’organisations de la société civile appelés à "
            "recevoir, accompagner ou orienter des défenseurs des droits humains."
        ),
        "objectives": [
            "Reconnaître un défenseur des droits humains à partir de ses activités.",
            "Expliquer les garanties prévues par la Déclaration de 1998 et la loi n°2018-003.",
            (
                "Décrire le mécanisme national de protection confié à la CNDH et la façon de le "
                "saisir."
            ),
            "Orienter un défenseur vers les mécanismes régionaux et internationaux.",
        ],
        "duration_minutes": 90,
        "level": "intermediaire",
        "sequential": False,
        "modules": [
            {
                "title": "Qui est défenseur des droits humains ?",
                "introduction": (
                    "<p>Avant de parler de protection, il faut savoir qui protéger. Ce module "
                    "s’appuie sur l’atelier organisé à Koulikoro en avril 2019 pour des "
                    "organisations de défense des droits humains : il définit le défenseur, "
                    "décrit son rôle dans la communauté et les risques auxquels il s’expose.</p>"
                ),
                "objectives": [
                    "Reconnaître un défenseur des droits humains à partir de ses activités.",
                    "Décrire le rôle des défenseurs dans le contexte malien.",
                    "Identifier les risques qu’ils encourent, y compris ceux liés au genre.",
                ],
                "lessons": [
                    {
                        "title": "La notion de défenseur des droits humains",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Le 13 avril 2019, à Koulikoro, une trentaine de "
                                    "représentants d’organisations de défense des droits humains "
                                    "se sont réunis pour mieux comprendre le concept de "
                                    "<strong>défenseur des droits humains</strong>, leur rôle "
                                    "dans la communauté et la façon de « défendre les défenseurs "
                                    "». Parmi eux figuraient des membres d’associations de "
                                    "défense des droits humains, d’organisations de défense des "
                                    "droits des femmes et d’associations de personnes vivant avec "
                                    "un handicap.</p><p>Cette diversité n’est pas un hasard : on "
                                    "n’est pas défenseur par un diplôme, un statut ou une "
                                    "profession, mais <strong>par ce que l’on fait</strong>.</p>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Défenseur des droits humains",
                                    "definition": (
                                        "Toute personne qui, individuellement ou avec d’autres, "
                                        "agit de façon pacifique pour promouvoir ou protéger les "
                                        "droits humains : documenter des violations, assister des "
                                        "victimes, informer la population, plaider auprès des "
                                        "autorités. Il peut s’agir d’un militant associatif, d’un "
                                        "avocat, d’un journaliste, d’un enseignant, d’un leader "
                                        "communautaire ou d’un agent public."
                                    ),
                                },
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Déclaration des Nations unies sur les défenseurs des "
                                        "droits de l’homme (résolution 53/144 de l’Assemblée "
                                        "générale, 1998)"
                                    ),
                                    "article": "Article 1",
                                    "quote": (
                                        "Chacun a le droit, individuellement ou en association "
                                        "avec d’autres, de promouvoir la protection et la "
                                        "réalisation des droits de l’homme et des libertés "
                                        "fondamentales aux niveaux national et international."
                                    ),
                                    "source_url": "",
                                },
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Ce qui fait le défenseur",
                                    "definition": (
                                        "<p>Trois repères suffisent "
                                        ":</p><ul><li><strong>L’activité</strong> : elle porte "
                                        "sur les droits d’autrui ou de groupes (femmes, enfants, "
                                        "déplacés, détenus…).</li><li><strong>Les moyens "
                                        "pacifiques</strong> : celui qui recourt à la violence "
                                        "n’agit pas en "
                                        "défenseur.</li><li><strong>L’universalité</strong> : le "
                                        "défenseur reconnaît les droits de tous, y compris de "
                                        "ceux qui ne partagent pas ses opinions.</li></ul><p>Il "
                                        "n’est pas nécessaire d’avoir raison sur chaque "
                                        "dénonciation pour être défenseur : une allégation "
                                        "inexacte se vérifie et se conteste, elle ne se réprime "
                                        "pas par la force.</p>"
                                    ),
                                },
                            ),
                            (
                                "case_scenario",
                                {
                                    "title": "Une enseignante qui recueille des témoignages",
                                    "situation": (
                                        "<p>À Ségou, Mme Oumou Ballo, institutrice, aide "
                                        "bénévolement une association locale. Elle recueille les "
                                        "témoignages de commerçantes qui se plaignent de rackets "
                                        "à un poste de contrôle, et les transmet à l’association. "
                                        "Lors d’un contrôle routier, un agent découvre sur son "
                                        "téléphone une liste de noms et de dates et propose de la "
                                        "conduire à la brigade « pour espionnage ».</p>"
                                    ),
                                    "questions": [
                                        "Mme Ballo est-elle une défenseure des droits humains ?",
                                        (
                                            "Le fait de documenter des abus justifie-t-il une "
                                            "interpellation ?"
                                        ),
                                    ],
                                    "analysis": (
                                        "<p>Oui : elle agit pacifiquement pour protéger les "
                                        "droits d’autrui, en documentant des violations "
                                        "alléguées. Son métier d’institutrice n’y change "
                                        "rien.</p><p>Non. Documenter et signaler des abus est une "
                                        "activité légitime, protégée par la Déclaration de 1998 "
                                        "et par la loi malienne relative aux défenseurs. Aucune "
                                        "infraction n’apparaît ici. L’OPJ doit s’abstenir de "
                                        "toute interpellation et de toute consultation du "
                                        "téléphone sans base légale. Les faits de racket "
                                        "dénoncés, eux, méritent une enquête.</p>"
                                    ),
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Laquelle de ces personnes agit en défenseur des droits "
                                        "humains ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "Un commerçant qui proteste contre une taxe qui "
                                                "le concerne seul."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Défendre son intérêt personnel est légitime, "
                                                "mais ne fait pas de lui un défenseur des droits "
                                                "humains."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Une animatrice de radio de Mopti qui informe les "
                                                "femmes de leurs droits en matière d’héritage et "
                                                "les oriente vers une clinique juridique."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : elle promeut pacifiquement les droits "
                                                "d’autrui."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Un homme qui incendie la maison d’un chef de "
                                                "village pour « venger » une injustice."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Le recours à la violence exclut toute action en "
                                                "qualité de défenseur."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>C’est l’activité pacifique en faveur des droits "
                                        "d’autrui qui fait le défenseur, non le titre ou "
                                        "l’appartenance à une organisation.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "On est défenseur par son activité pacifique en "
                                            "faveur des droits d’autrui."
                                        ),
                                        (
                                            "Journalistes, avocats, enseignants, leaders "
                                            "communautaires ou agents publics peuvent être "
                                            "défenseurs."
                                        ),
                                        (
                                            "Documenter et signaler des violations est une "
                                            "activité légitime et protégée."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Le rôle des défenseurs et les risques qu’ils courent",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Depuis 2012, le Mali fait face à une crise "
                                    "multidimensionnelle. Les populations, notamment les femmes, "
                                    "les filles et les personnes en situation de vulnérabilité, "
                                    "subissent de graves violations de leurs droits. Les "
                                    "défenseurs interviennent pour <strong>documenter les "
                                    "violations</strong>, <strong>assister les victimes</strong> "
                                    "et <strong>plaider</strong> pour une meilleure protection. "
                                    "En enquêtant et en signalant, ils contribuent à faire cesser "
                                    "les violations et à empêcher qu’elles se "
                                    "reproduisent.</p><p>La campagne mondiale BRAVE, menée par "
                                    "Amnesty International et présentée lors de l’atelier de "
                                    "Koulikoro, résume l’enjeu : permettre à chacun de s’exprimer "
                                    "pour ce qui est juste sans être attaqué, menacé ou "
                                    "emprisonné.</p>"
                                ),
                            ),
                            (
                                "paragraph",
                                (
                                    "<h3>Des risques sécuritaires et juridiques</h3><p>Leur "
                                    "engagement expose les défenseurs à de nombreux risques "
                                    ":</p><ul><li>menaces, intimidations et harcèlement, y "
                                    "compris en ligne ;</li><li>agressions physiques, "
                                    "enlèvements, atteintes aux locaux et aux biens "
                                    ";</li><li>stigmatisation : être présenté comme « ennemi » ou "
                                    "« complice » ;</li><li>arrestations arbitraires et "
                                    "poursuites abusives destinées à les faire taire "
                                    ";</li><li>surveillance, piratage ou saisie de leurs "
                                    "appareils et de leurs données.</li></ul><p>Les femmes "
                                    "défenseures font face, en plus, à des attaques liées à leur "
                                    "genre : atteintes à leur réputation, pressions familiales ou "
                                    "communautaires, violences sexuelles.</p>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Femme défenseure des droits humains",
                                    "definition": (
                                        "Femme qui agit pour les droits humains, ou toute "
                                        "personne qui défend les droits des femmes et l’égalité "
                                        "entre les sexes. Elle est exposée à des risques "
                                        "spécifiques liés au genre. La loi malienne relative aux "
                                        "défenseurs lui accorde, comme aux défenseurs handicapés, "
                                        "une protection particulière."
                                    ),
                                },
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Représailles",
                                    "definition": (
                                        "Mesure hostile (menace, sanction, arrestation, violence, "
                                        "pression sur la famille) prise contre une personne parce "
                                        "qu’elle a dénoncé une violation, coopéré avec une "
                                        "institution de protection ou témoigné. Les représailles "
                                        "sont prohibées et doivent elles-mêmes faire l’objet "
                                        "d’une enquête."
                                    ),
                                },
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Défendre les défenseurs",
                                    "definition": (
                                        "<p>Pour l’OPJ, défendre les défenseurs ne signifie pas "
                                        "partager leurs opinions. Cela signifie "
                                        ":</p><ul><li>prendre au sérieux les menaces qu’ils "
                                        "signalent et enquêter ;</li><li>ne pas les traiter en "
                                        "suspects du seul fait de leurs activités "
                                        ";</li><li>protéger la confidentialité des victimes et "
                                        "témoins qu’ils accompagnent ;</li><li>les orienter vers "
                                        "les mécanismes de protection existants.</li></ul>"
                                    ),
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Une défenseure de Sévaré signale que des inconnus ont "
                                        "demandé à ses voisins à quelle heure elle quitte son "
                                        "bureau. Quelle est la réaction professionnelle ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "Lui conseiller de cesser ses activités pour être "
                                                "tranquille."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Ce conseil reviendrait à atteindre le but "
                                                "recherché par ceux qui la menacent."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Enregistrer ses déclarations, évaluer le risque "
                                                "avec elle et en informer le parquet et la "
                                                "hiérarchie."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : un repérage de ses habitudes peut "
                                                "précéder une agression ou un enlèvement."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Attendre qu’une menace explicite soit proférée."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Attendre, c’est laisser le risque grandir : la "
                                                "surveillance est un signal d’alerte."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Les repérages (questions aux voisins, véhicules "
                                        "inconnus, filatures) sont des signaux sérieux. Ils "
                                        "appellent une évaluation du risque et des mesures de "
                                        "prévention.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Les défenseurs documentent, assistent les victimes "
                                            "et plaident : un rôle essentiel en temps de crise."
                                        ),
                                        (
                                            "Ils sont exposés à des risques sécuritaires et "
                                            "juridiques, parfois liés au genre."
                                        ),
                                        (
                                            "Défendre les défenseurs, c’est enquêter sur les "
                                            "menaces et prévenir les représailles."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Le cadre juridique de la protection des défenseurs",
                "introduction": (
                    "<p>Les défenseurs bénéficient d’une protection reconnue au niveau "
                    "international, africain et national. Ce module présente la Déclaration des "
                    "Nations unies de 1998, les garanties de la Charte africaine et la loi "
                    "malienne du 12 janvier 2018, et en tire les conséquences concrètes pour le "
                    "travail des OPJ.</p>"
                ),
                "objectives": [
                    "Citer les principaux textes qui protègent les défenseurs.",
                    (
                        "Expliquer les droits et obligations prévus par la loi malienne relative "
                        "aux défenseurs."
                    ),
                    "Distinguer une activité protégée d’une infraction pénale.",
                ],
                "lessons": [
                    {
                        "title": "Les normes internationales et régionales",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Le 9 décembre 1998, l’Assemblée générale des Nations "
                                    "unies a adopté la <em>Déclaration sur le droit et la "
                                    "responsabilité des individus, groupes et organes de la "
                                    "société de promouvoir et protéger les droits de l’homme et "
                                    "les libertés fondamentales universellement reconnus</em>, "
                                    "dite Déclaration sur les défenseurs des droits de "
                                    "l’homme.</p><p>Cette déclaration ne crée pas de droits "
                                    "nouveaux : elle rassemble, au profit des défenseurs, des "
                                    "droits déjà garantis par des traités que le Mali a ratifiés, "
                                    "comme le Pacte international relatif aux droits civils et "
                                    "politiques et la Charte africaine : liberté d’opinion et "
                                    "d’expression, de réunion pacifique, d’association, droit de "
                                    "communiquer avec des organisations internationales, droit de "
                                    "se plaindre des agissements des agents publics.</p>"
                                ),
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Déclaration des Nations unies sur les défenseurs des "
                                        "droits de l’homme (résolution 53/144 de l’Assemblée "
                                        "générale, 1998)"
                                    ),
                                    "article": "Article 12, paragraphe 2",
                                    "quote": (
                                        "L’État prend toutes les mesures nécessaires pour assurer "
                                        "que les autorités compétentes protègent toute personne, "
                                        "individuellement ou en association avec d’autres, de "
                                        "toute violence, menace, représailles, discrimination de "
                                        "facto ou de droit, pression ou autre action arbitraire "
                                        "dans le cadre de l’exercice légitime des droits visés "
                                        "dans la présente Déclaration."
                                    ),
                                    "source_url": "",
                                },
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Charte africaine des droits de l’homme et des peuples "
                                        "(1981)"
                                    ),
                                    "article": "Articles 9, 10 et 11",
                                    "quote": (
                                        "Résumé : toute personne a droit à l’information et peut "
                                        "exprimer et diffuser ses opinions dans le cadre des lois "
                                        "et règlements ; toute personne a le droit de constituer "
                                        "librement des associations avec d’autres ; toute "
                                        "personne a le droit de se réunir librement avec "
                                        "d’autres, sous la seule réserve des restrictions "
                                        "nécessaires édictées par les lois."
                                    ),
                                    "source_url": "",
                                },
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Restriction légitime d’une liberté",
                                    "definition": (
                                        "<p>Les libertés d’expression, de réunion et "
                                        "d’association peuvent être limitées, mais seulement si "
                                        "la restriction est :</p><ul><li><strong>prévue par la "
                                        "loi</strong> ;</li><li>poursuit un <strong>but "
                                        "légitime</strong> (ordre public, sécurité, droits "
                                        "d’autrui) ;</li><li>est <strong>nécessaire et "
                                        "proportionnée</strong> à ce but.</li></ul><p>Une "
                                        "restriction qui vise à faire taire une critique ou une "
                                        "dénonciation ne remplit pas ces conditions.</p>"
                                    ),
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Qui est d’abord tenu de protéger les défenseurs selon la "
                                        "Déclaration de 1998 ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "Les organisations non gouvernementales "
                                                "internationales."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Elles soutiennent les défenseurs, mais "
                                                "l’obligation de protection pèse sur l’État."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "L’État, à travers ses autorités compétentes, "
                                                "dont les forces de sécurité."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : l’article 12 charge l’État de protéger "
                                                "les défenseurs par ses autorités compétentes."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Les défenseurs eux-mêmes, qui doivent assurer "
                                                "leur propre sécurité."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Leur vigilance est utile, mais ne décharge pas "
                                                "l’État de son obligation."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Les forces de sécurité, et donc les OPJ, font partie "
                                        "des « autorités compétentes » : ce sont elles qui "
                                        "reçoivent les plaintes, enquêtent et prennent les "
                                        "mesures de protection.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "La Déclaration de 1998 rassemble les droits des "
                                            "défenseurs déjà garantis par les traités."
                                        ),
                                        (
                                            "L’État doit protéger les défenseurs contre la "
                                            "violence, les menaces et les représailles."
                                        ),
                                        (
                                            "Une restriction aux libertés doit être légale, "
                                            "légitime, nécessaire et proportionnée."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "La loi malienne relative aux défenseurs des droits de l’homme",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Adoptée par l’Assemblée nationale le 13 décembre 2017 et "
                                    "promulguée le 12 janvier 2018, la <strong>loi n°2018-003 "
                                    "relative aux défenseurs des droits de l’homme</strong> a "
                                    "fait du Mali l’un des premiers États africains à se doter "
                                    "d’une loi spécifique, après la Côte d’Ivoire et le Burkina "
                                    "Faso. Elle est née d’une initiative de la société civile, "
                                    "qui a participé à son élaboration ; l’appropriation de cette "
                                    "loi faisait d’ailleurs partie du programme de l’atelier de "
                                    "Koulikoro en 2019.</p><p>La loi reprend une définition large "
                                    "du défenseur, inspirée de la Déclaration des Nations unies. "
                                    "Elle énonce les droits et les devoirs des défenseurs et les "
                                    "obligations de l’État envers eux, et prévoit une protection "
                                    "particulière pour les femmes défenseures et les défenseurs "
                                    "handicapés. Un décret pris en 2020 en fixe les modalités "
                                    "d’application ; c’est en application de la loi que le "
                                    "mécanisme national de protection a été confié à la CNDH.</p>"
                                ),
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Loi n°2018-003 du 12 janvier 2018 relative aux "
                                        "défenseurs des droits de l’homme (Mali)"
                                    ),
                                    "article": "Article 3",
                                    "quote": (
                                        "Les défenseurs des droits de l’homme ont le droit "
                                        "d’exercer librement toute activité de promotion, de "
                                        "défense et de protection des droits de l’homme et des "
                                        "libertés fondamentales (extrait)."
                                    ),
                                    "source_url": "",
                                },
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Loi n°2018-003 du 12 janvier 2018 relative aux "
                                        "défenseurs des droits de l’homme (Mali)"
                                    ),
                                    "article": "Article 5",
                                    "quote": (
                                        "Les défenseurs des droits de l’homme ne peuvent être "
                                        "poursuivis, recherchés, arrêtés, détenus ou jugés pour "
                                        "les opinions émises et les rapports publiés dans le "
                                        "cadre de leurs activités (extrait)."
                                    ),
                                    "source_url": "",
                                },
                            ),
                            (
                                "paragraph",
                                (
                                    "<h3>Ce que la loi change pour l’OPJ</h3><p>Une activité de "
                                    "défense des droits (enquêter, publier un rapport, dénoncer "
                                    "un abus, assister une victime) n’est pas une infraction et "
                                    "ne peut fonder ni recherche, ni interpellation, ni garde à "
                                    "vue. La loi ne crée pas pour autant d’immunité : un "
                                    "défenseur soupçonné d’une infraction sans lien avec "
                                    "l’exercice légitime de ses activités est soumis à la "
                                    "procédure ordinaire, avec toutes les garanties. En cas de "
                                    "doute, rendez compte au procureur de la République avant "
                                    "toute mesure de contrainte.</p>"
                                ),
                            ),
                            (
                                "case_scenario",
                                {
                                    "title": "Un rapport qui dérange",
                                    "situation": (
                                        "<p>Une association de Mopti publie un rapport sur des "
                                        "extorsions à des postes de contrôle, qui cite des dates "
                                        "et des lieux précis. Le lendemain, un responsable local "
                                        "demande à l’OPJ de service, l’inspecteur Abdoulaye "
                                        "Sidibé, de « convoquer et garder » le coordonnateur de "
                                        "l’association et de saisir son ordinateur pour "
                                        "identifier ses sources.</p>"
                                    ),
                                    "questions": [
                                        (
                                            "L’inspecteur peut-il placer le coordonnateur en "
                                            "garde à vue pour ce rapport ?"
                                        ),
                                        (
                                            "Que faire si une personne nommément citée dépose "
                                            "plainte pour diffamation ?"
                                        ),
                                        (
                                            "La saisie de l’ordinateur pour identifier les "
                                            "sources est-elle possible ?"
                                        ),
                                    ],
                                    "analysis": (
                                        "<p>Non : l’article 5 de la loi interdit d’arrêter ou de "
                                        "détenir un défenseur pour les rapports publiés dans le "
                                        "cadre de ses activités. Une garde à vue dans ce but "
                                        "serait arbitraire.</p><p>Une plainte déposée par une "
                                        "personne qui s’estime diffamée doit être reçue et "
                                        "transmise au procureur, qui décide des suites. L’OPJ "
                                        "agit alors sur ses instructions, sans mesure de "
                                        "contrainte destinée à intimider.</p><p>Non. Identifier "
                                        "les sources d’un rapport pour les exposer met en danger "
                                        "les victimes et les témoins, et détourne la procédure de "
                                        "son but. Les faits d’extorsion dénoncés, en revanche, "
                                        "doivent être signalés au parquet.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "La loi n°2018-003 du 12 janvier 2018 protège les "
                                            "défenseurs au Mali."
                                        ),
                                        (
                                            "Nul défenseur ne peut être arrêté ou détenu pour ses "
                                            "opinions ou ses rapports."
                                        ),
                                        (
                                            "La loi ne crée pas d’immunité pour les infractions "
                                            "sans lien avec l’activité de défense."
                                        ),
                                        (
                                            "En cas de doute, l’OPJ rend compte au procureur "
                                            "avant toute contrainte."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": (
                    "Le mécanisme national de protection et les recours régionaux et internationaux"
                ),
                "introduction": (
                    "<p>Ce module présente le mécanisme national de protection des défenseurs "
                    "confié à la CNDH, la manière de le saisir et de traiter la plainte d’un "
                    "défenseur menacé, puis les mécanismes de protection existant aux niveaux "
                    "africain et international.</p>"
                ),
                "objectives": [
                    "Décrire le MNPDDH, ses fonctions et l’état de sa mise en place.",
                    "Recevoir la plainte d’un défenseur menacé et l’orienter vers la CNDH.",
                    (
                        "Présenter les principaux mécanismes régionaux et internationaux de "
                        "protection."
                    ),
                ],
                "lessons": [
                    {
                        "title": "Le mécanisme national de protection des défenseurs (MNPDDH)",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Une loi ne protège que si quelqu’un est chargé de la "
                                    "faire appliquer. C’est le rôle du <strong>Mécanisme national "
                                    "de protection des défenseurs des droits humains</strong> "
                                    "(MNPDDH), confié à la CNDH par décret, en application de la "
                                    "loi relative aux défenseurs.</p><p>Sa mise en place est "
                                    "progressive. En septembre 2023, à l’issue d’une formation "
                                    "organisée par la CNDH, des défenseurs ont recommandé à "
                                    "l’État de renforcer la CNDH afin d’opérationnaliser le "
                                    "mécanisme, qui peinait, faute de moyens et de soutien "
                                    "technique, à fonctionner pleinement. En décembre 2024, une "
                                    "retraite de trois jours à Banankoro a permis d’élaborer ses "
                                    "documents stratégiques, validés à Bamako le 16 janvier 2025 "
                                    "lors d’un atelier réunissant la CNDH, des organisations de "
                                    "défense des droits humains et des journalistes, avec l’appui "
                                    "de l’ONG Terre des Hommes dans le cadre d’un projet financé "
                                    "par l’Union européenne. Une troisième étape prévoit de "
                                    "sensibiliser les organisations de la société civile au "
                                    "mécanisme, à son fonctionnement et à ses voies de "
                                    "saisine.</p>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "MNPDDH",
                                    "definition": (
                                        "Mécanisme national de protection des défenseurs des "
                                        "droits humains. Dispositif confié à la CNDH, en "
                                        "application de la loi relative aux défenseurs, pour "
                                        "recevoir les situations de défenseurs menacés, "
                                        "contribuer à leur protection et promouvoir leurs droits "
                                        "auprès des autorités et du public."
                                    ),
                                },
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Les trois fonctions d’un mécanisme de protection",
                                    "definition": (
                                        "<ul><li><strong>Prévenir</strong> : sensibiliser les "
                                        "autorités, les forces de sécurité et le public au rôle "
                                        "des défenseurs et au cadre juridique qui les "
                                        "protège.</li><li><strong>Protéger</strong> : recevoir et "
                                        "traiter, dans la confidentialité, les cas de défenseurs "
                                        "menacés ou victimes de violations, et saisir les "
                                        "autorités compétentes pour qu’elles "
                                        "agissent.</li><li><strong>Promouvoir</strong> : plaider "
                                        "et formuler des recommandations à l’État pour améliorer "
                                        "les lois et les pratiques.</li></ul>"
                                    ),
                                },
                            ),
                            (
                                "paragraph",
                                (
                                    "<h3>Où se situe l’OPJ ?</h3><p>Le mécanisme n’a ni armes ni "
                                    "pouvoirs de police. Lorsqu’un défenseur est menacé, ce sont "
                                    "les autorités judiciaires et les forces de sécurité qui "
                                    "enquêtent, poursuivent les auteurs et prennent les mesures "
                                    "de protection physique. La CNDH peut vous solliciter, vous "
                                    "transmettre une situation ou vous demander des informations "
                                    "sur les suites données à une plainte. Une coopération rapide "
                                    "et loyale conditionne l’efficacité de tout le dispositif.</p>"
                                ),
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "À qui le mécanisme national de protection des défenseurs "
                                        "a-t-il été confié ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": "Au ministère de la Sécurité.",
                                            "is_correct": False,
                                            "feedback": (
                                                "Les forces de sécurité participent à la "
                                                "protection, mais le mécanisme a été confié à une "
                                                "institution indépendante."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "À la Commission nationale des droits de l’homme "
                                                "(CNDH)."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : le mécanisme a été confié à la CNDH par "
                                                "décret, en application de la loi relative aux "
                                                "défenseurs."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "À une organisation non gouvernementale "
                                                "internationale."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Des ONG apportent un appui technique, mais le "
                                                "mécanisme relève de la CNDH."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>La CNDH est une autorité administrative indépendante, "
                                        "institution nationale des droits de l’homme et mécanisme "
                                        "national de prévention de la torture. Elle exerce aussi "
                                        "la mission de protection des défenseurs.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Le MNPDDH est confié à la CNDH en application de la "
                                            "loi relative aux défenseurs."
                                        ),
                                        (
                                            "Sa mise en place se poursuit : documents "
                                            "stratégiques validés en janvier 2025."
                                        ),
                                        (
                                            "Le mécanisme s’appuie sur les forces de sécurité "
                                            "pour la protection physique : l’OPJ en est un "
                                            "partenaire."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Saisir le mécanisme et traiter la plainte d’un défenseur menacé",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Un défenseur menacé a deux démarches complémentaires : "
                                    "<strong>porter plainte</strong> auprès de la police, de la "
                                    "gendarmerie ou du procureur, pour que les auteurs soient "
                                    "recherchés ; et <strong>saisir la CNDH</strong>, au titre du "
                                    "mécanisme de protection, pour un accompagnement et un suivi. "
                                    "L’une ne remplace pas l’autre.</p><p>Les modalités précises "
                                    "de saisine (formulaire, ligne d’alerte, délais de "
                                    "traitement) sont définies par les documents de référence du "
                                    "mécanisme : renseignez-vous auprès de la CNDH pour disposer "
                                    "des informations à jour et pouvoir orienter correctement les "
                                    "défenseurs. En pratique, une saisine peut venir du défenseur "
                                    "lui-même, d’un proche ou d’une organisation qui le soutient, "
                                    "avec son accord.</p>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Saisine",
                                    "definition": (
                                        "Acte par lequel une personne ou une organisation soumet "
                                        "une situation à une institution (juridiction, procureur, "
                                        "CNDH, mécanisme international) afin qu’elle l’examine et "
                                        "agisse dans le cadre de ses compétences."
                                    ),
                                },
                            ),
                            (
                                "paragraph",
                                (
                                    "<h3>Un signalement utile contient</h3><ul><li>l’identité et "
                                    "les coordonnées du défenseur, avec son accord pour leur "
                                    "transmission ;</li><li>la nature de ses activités et le lien "
                                    "entre ces activités et les menaces ;</li><li>les faits : "
                                    "dates, lieux, auteurs connus ou soupçonnés, témoins "
                                    ";</li><li>les éléments de preuve : captures d’écran de "
                                    "messages, enregistrements d’appels, photos, certificats "
                                    "médicaux ;</li><li>les démarches déjà accomplies (plainte, "
                                    "main courante) ;</li><li>une première appréciation de "
                                    "l’urgence.</li></ul>"
                                ),
                            ),
                            (
                                "case_scenario",
                                {
                                    "title": "Des messages menaçants à Bamako",
                                    "situation": (
                                        "<p>Mme Assitan Koné, présidente d’une association qui "
                                        "accompagne des victimes de violences basées sur le genre "
                                        "en commune VI, se présente au commissariat. Depuis "
                                        "qu’elle soutient une victime dans une procédure "
                                        "judiciaire, elle reçoit des SMS menaçants et une moto "
                                        "sans plaque stationne plusieurs soirs devant son "
                                        "domicile.</p>"
                                    ),
                                    "questions": [
                                        "Quelles suites l’OPJ doit-il donner à sa démarche ?",
                                        (
                                            "Comment préserver la sécurité de la victime qu’elle "
                                            "accompagne ?"
                                        ),
                                        (
                                            "Quelle information lui donner sur le mécanisme de "
                                            "protection ?"
                                        ),
                                    ],
                                    "analysis": (
                                        "<p>Les menaces sont une infraction : l’OPJ enregistre la "
                                        "plainte, recueille les messages (captures, numéros), "
                                        "note les descriptions de la moto et informe le "
                                        "procureur. Il évalue le risque avec la plaignante et "
                                        "propose des mesures : passages de patrouille, numéro à "
                                        "appeler en urgence.</p><p>Le nom et l’adresse de la "
                                        "victime accompagnée ne doivent figurer que dans les "
                                        "pièces nécessaires, et ne jamais être communiqués aux "
                                        "personnes mises en cause en dehors des règles de la "
                                        "procédure. Un lien possible avec l’affaire en cours est "
                                        "signalé au magistrat.</p><p>L’OPJ l’informe qu’elle peut "
                                        "aussi saisir la CNDH au titre du mécanisme de protection "
                                        "des défenseurs, et consigne qu’il lui a donné cette "
                                        "information.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Recevoir la plainte d’un défenseur menacé",
                                    "do": [
                                        "Recevoir la plainte sans délai et dans un lieu discret.",
                                        (
                                            "Recueillir et conserver les preuves (messages, "
                                            "numéros, photos)."
                                        ),
                                        (
                                            "Évaluer l’urgence et proposer des mesures de "
                                            "protection immédiates."
                                        ),
                                        "Informer le procureur et la hiérarchie.",
                                        (
                                            "Informer le défenseur de la possibilité de saisir la "
                                            "CNDH."
                                        ),
                                    ],
                                    "dont": [
                                        (
                                            "Minimiser la menace ou la juger « normale » pour un "
                                            "militant."
                                        ),
                                        (
                                            "Interroger le défenseur sur ses opinions ou ses "
                                            "financements."
                                        ),
                                        (
                                            "Divulguer l’identité des victimes ou des témoins "
                                            "qu’il accompagne."
                                        ),
                                        "Renvoyer vers la CNDH sans enregistrer la plainte.",
                                    ],
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Plainte pénale et saisine de la CNDH sont "
                                            "complémentaires."
                                        ),
                                        (
                                            "Un bon signalement décrit les activités, les faits, "
                                            "les preuves et l’urgence."
                                        ),
                                        (
                                            "L’OPJ protège aussi la confidentialité des personnes "
                                            "que le défenseur accompagne."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Les mécanismes régionaux et internationaux",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Lorsque la protection nationale est insuffisante, ou en "
                                    "complément de celle-ci, les défenseurs peuvent se tourner "
                                    "vers des mécanismes régionaux et internationaux. Les faire "
                                    "connaître était l’un des objectifs de la sensibilisation "
                                    "prévue dans le cadre de l’opérationnalisation du "
                                    "MNPDDH.</p><h3>Au niveau africain</h3><p>La "
                                    "<strong>Commission africaine des droits de l’homme et des "
                                    "peuples</strong> peut être saisie de communications "
                                    "dénonçant des violations de la Charte africaine par un État "
                                    "partie. Elle dispose d’un <strong>Rapporteur spécial sur les "
                                    "défenseurs des droits de l’homme en Afrique</strong>, qui "
                                    "peut interroger les États sur des situations "
                                    "individuelles.</p><h3>Au niveau des Nations unies</h3><p>Le "
                                    "<strong>Rapporteur spécial sur la situation des défenseurs "
                                    "des droits de l’homme</strong>, désigné par le Conseil des "
                                    "droits de l’homme, reçoit des informations, adresse aux "
                                    "gouvernements des communications, y compris des appels "
                                    "urgents, et rend compte publiquement. Les comités des "
                                    "traités et l’Examen périodique universel examinent aussi la "
                                    "situation des défenseurs.</p>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Rapporteur spécial",
                                    "definition": (
                                        "Expert indépendant mandaté par le Conseil des droits de "
                                        "l’homme des Nations unies ou par la Commission africaine "
                                        "pour examiner une question ou la situation d’un pays, "
                                        "recevoir des informations, intervenir auprès des "
                                        "gouvernements et formuler des recommandations."
                                    ),
                                },
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Épuisement des voies de recours internes",
                                    "definition": (
                                        "<p>Avant d’examiner une plainte individuelle, la plupart "
                                        "des mécanismes régionaux et internationaux exigent que "
                                        "les recours disponibles dans le pays aient été tentés, "
                                        "sauf s’ils sont inexistants, inefficaces ou anormalement "
                                        "longs. Une plainte bien reçue et bien instruite au "
                                        "niveau national est donc la meilleure protection, pour "
                                        "le défenseur comme pour l’État.</p>"
                                    ),
                                },
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Déclaration des Nations unies sur les défenseurs des "
                                        "droits de l’homme (résolution 53/144 de l’Assemblée "
                                        "générale, 1998)"
                                    ),
                                    "article": "Article 5",
                                    "quote": (
                                        "Afin de promouvoir et protéger les droits de l’homme et "
                                        "les libertés fondamentales, chacun a le droit, "
                                        "individuellement ou en association avec d’autres, aux "
                                        "niveaux national et international : a) de se réunir et "
                                        "de se rassembler pacifiquement ; b) de former des "
                                        "organisations, associations ou groupes non "
                                        "gouvernementaux, de s’y affilier et d’y participer ; c) "
                                        "de communiquer avec des organisations non "
                                        "gouvernementales ou intergouvernementales."
                                    ),
                                    "source_url": "",
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Un défenseur de Ségou vous informe qu’il a écrit au "
                                        "Rapporteur spécial des Nations unies au sujet des "
                                        "menaces qu’il reçoit. Quelle attitude adopter ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "Lui reprocher de « salir l’image du pays » à "
                                                "l’étranger."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Communiquer avec des organes internationaux est "
                                                "un droit ; le lui reprocher pourrait constituer "
                                                "une forme de représailles."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Poursuivre normalement l’enquête sur les menaces "
                                                "et s’assurer qu’il ne subit aucune représaille."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : la démarche internationale ne change "
                                                "rien aux obligations de l’OPJ."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Clore l’enquête puisque l’affaire est désormais "
                                                "traitée à l’international."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Les mécanismes internationaux ne se substituent "
                                                "pas à l’enquête nationale."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Le droit de communiquer avec des organisations "
                                        "intergouvernementales est expressément reconnu par la "
                                        "Déclaration de 1998. Toute mesure hostile en réponse à "
                                        "cette démarche serait une représaille.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "La Commission africaine et les Nations unies "
                                            "disposent de rapporteurs spéciaux sur les défenseurs."
                                        ),
                                        (
                                            "Ces mécanismes complètent la protection nationale, "
                                            "sans la remplacer."
                                        ),
                                        (
                                            "S’adresser à un mécanisme international est un "
                                            "droit, qui ne doit entraîner aucune représaille."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "securite-physique-numerique-defenseurs",
        "title": "Sécurité physique et numérique des défenseurs",
        "summary": (
            "Issu de la formation organisée par la CNDH et Avocats sans frontières Canada à "
            "Bamako en septembre 2023, ce cours présente les risques auxquels sont exposés les "
            "défenseurs des droits humains, des menaces aux enlèvements, les gestes essentiels "
            "pour protéger leurs données et leurs appareils, et le cadre juridique de leur "
            "protection au Mali. Il s’adresse aussi aux OPJ, qui reçoivent les plaintes des "
            "défenseurs menacés et détiennent eux-mêmes des informations sensibles sur des "
            "victimes et des témoins."
        ),
        "audience": (
            "Défenseurs des droits humains, personnels de la CNDH et OPJ chargés de recevoir "
            "leurs plaintes ou d’assurer leur protection."
        ),
        "objectives": [
            (
                "Identifier et analyser les risques physiques et numériques auxquels sont exposés "
                "les défenseurs."
            ),
            (
                "Appliquer les mesures essentielles de protection des personnes, des données et "
                "des appareils."
            ),
            "Connaître le cadre juridique de la protection des défenseurs et le rôle de l’OPJ.",
        ],
        "duration_minutes": 75,
        "level": "initiation",
        "sequential": True,
        "modules": [
            {
                "title": "Comprendre et évaluer les risques",
                "introduction": (
                    "<p>Depuis 2012, la crise que traverse le Mali expose les défenseurs des "
                    "droits humains à des risques accrus. Ce module aide à identifier ces "
                    "risques, à analyser une menace, à consigner les incidents et à préparer un "
                    "plan de sécurité, notamment pour prévenir les enlèvements.</p>"
                ),
                "objectives": [
                    (
                        "Identifier les différentes familles de risques auxquels sont exposés les "
                        "défenseurs."
                    ),
                    "Analyser une menace et documenter un incident de sécurité.",
                    "Préparer un plan de sécurité et un protocole de suivi des déplacements.",
                ],
                "lessons": [
                    {
                        "title": "Les risques auxquels les défenseurs sont exposés",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Du 11 au 13 septembre 2023, la CNDH et Avocats sans "
                                    "frontières Canada ont réuni à Bamako des membres et du "
                                    "personnel de la CNDH et des défenseurs des droits humains "
                                    "pour trois jours de formation à la sécurité physique et "
                                    "numérique. Le constat de départ était clair : en raison de "
                                    "la sensibilité de leur travail, les défenseurs sont souvent "
                                    "exposés à des risques pour leur intégrité, et ils gèrent des "
                                    "données électroniques qui exigent une protection "
                                    "adéquate.</p><p>Ce cours reprend les objectifs de cette "
                                    "formation : connaître les risques, y compris les enlèvements "
                                    "et les risques numériques ; protéger ses données et ses "
                                    "appareils ; connaître le cadre juridique de la protection "
                                    "des défenseurs au Mali. Ces réflexes concernent aussi l’OPJ "
                                    ": il reçoit les plaintes des défenseurs menacés, et il "
                                    "manipule lui-même des informations sensibles sur des "
                                    "victimes et des témoins.</p>"
                                ),
                            ),
                            (
                                "paragraph",
                                (
                                    "<h3>Cinq familles de "
                                    "risques</h3><ul><li><strong>Physiques</strong> : menaces, "
                                    "agressions, enlèvements, attaques contre les domiciles ou "
                                    "les bureaux.</li><li><strong>Juridiques</strong> : "
                                    "arrestations arbitraires, poursuites abusives, procédures "
                                    "destinées à épuiser ou à "
                                    "discréditer.</li><li><strong>Numériques</strong> : vol ou "
                                    "saisie d’appareils, piratage de comptes, hameçonnage, "
                                    "surveillance des communications, perte de "
                                    "données.</li><li><strong>Sociaux</strong> : stigmatisation, "
                                    "rumeurs, pressions sur la famille ; les femmes défenseures y "
                                    "sont particulièrement "
                                    "exposées.</li><li><strong>Psychologiques</strong> : stress "
                                    "chronique, épuisement, traumatisme secondaire au contact des "
                                    "victimes.</li></ul>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Enlèvement",
                                    "definition": (
                                        "Fait d’emmener ou de retenir une personne contre sa "
                                        "volonté, par la force, la menace ou la ruse. Infraction "
                                        "grave, l’enlèvement d’un défenseur vise souvent à "
                                        "l’intimider, à obtenir des informations sur ses sources "
                                        "ou à faire cesser ses activités."
                                    ),
                                },
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Risque, menace, vulnérabilité, capacités",
                                    "definition": (
                                        "<p>Les guides de sécurité des défenseurs retiennent une "
                                        "formule simple : le <strong>risque</strong> augmente "
                                        "avec la <strong>menace</strong> (l’intention et la "
                                        "possibilité de nuire de quelqu’un) et avec la "
                                        "<strong>vulnérabilité</strong> (ce qui nous expose : "
                                        "trajets prévisibles, téléphone non protégé, isolement) ; "
                                        "il diminue avec les <strong>capacités</strong> (réseau "
                                        "de soutien, plan de sécurité, connaissance de ses "
                                        "droits).</p><p>On agit rarement sur la menace elle-même "
                                        "; on agit toujours sur ses vulnérabilités et ses "
                                        "capacités.</p>"
                                    ),
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Une défenseure de Kati emprunte chaque jour le même "
                                        "trajet, à la même heure, et personne ne sait où elle se "
                                        "rend. Sur quoi peut-elle agir le plus facilement pour "
                                        "réduire son risque ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "Sur la menace, en demandant à ses adversaires de "
                                                "renoncer."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "La menace dépend d’autrui : on la maîtrise "
                                                "rarement."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Sur ses vulnérabilités et ses capacités : varier "
                                                "ses trajets et informer une personne de "
                                                "confiance de ses déplacements."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : ce sont des mesures simples qui "
                                                "réduisent immédiatement le risque."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Sur rien : le risque fait partie de l’engagement."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Le risque n’est pas une fatalité : il se réduit "
                                                "par des mesures concrètes."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Des habitudes prévisibles et l’isolement sont des "
                                        "vulnérabilités. Un réseau qui sait où l’on est, et qui "
                                        "réagit en cas de silence, est une capacité.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Les risques des défenseurs sont physiques, "
                                            "juridiques, numériques, sociaux et psychologiques."
                                        ),
                                        (
                                            "Le risque dépend de la menace, des vulnérabilités et "
                                            "des capacités."
                                        ),
                                        (
                                            "On réduit le risque en diminuant ses vulnérabilités "
                                            "et en renforçant ses capacités."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Analyser une menace et réagir à un incident",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Toutes les menaces ne sont pas explicites. Une menace "
                                    "peut être <strong>formulée</strong> (un appel, un message, "
                                    "une phrase lancée au marché) ou seulement "
                                    "<strong>perceptible</strong> à travers des signaux : un "
                                    "véhicule inconnu qui stationne souvent près du bureau, des "
                                    "questions posées aux voisins sur vos horaires, une filature, "
                                    "une intrusion sans vol. Ces signaux, pris isolément, peuvent "
                                    "sembler anodins ; c’est leur répétition et leur enchaînement "
                                    "qui alertent.</p><h3>Trois questions pour analyser une "
                                    "menace</h3><ol><li>Qui pourrait en être l’auteur, et quel "
                                    "lien a-t-il avec mes activités ?</li><li>Quel est son but : "
                                    "me faire taire, obtenir une information, me punir "
                                    "?</li><li>A-t-il les moyens d’agir, et la menace "
                                    "s’intensifie-t-elle ?</li></ol>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Incident de sécurité",
                                    "definition": (
                                        "Tout événement inhabituel qui pourrait affecter la "
                                        "sécurité d’une personne ou d’une organisation : message "
                                        "menaçant, filature, cambriolage, tentative d’accès à un "
                                        "compte, perte d’un téléphone. Chaque incident doit être "
                                        "consigné et analysé, même s’il paraît mineur."
                                    ),
                                },
                            ),
                            (
                                "case_scenario",
                                {
                                    "title": "Des signaux qui s’accumulent à Ségou",
                                    "situation": (
                                        "<p>M. Siaka Diallo coordonne une association qui aide "
                                        "des femmes déplacées à obtenir des papiers d’identité et "
                                        "à porter plainte pour des violences. En une semaine, il "
                                        "reçoit un appel anonyme (« Arrête de parler de cette "
                                        "affaire »), une moto sans plaque stationne trois soirs "
                                        "devant son bureau, et son gardien signale qu’un inconnu "
                                        "a demandé à quelle heure il rentre chez lui.</p>"
                                    ),
                                    "questions": [
                                        "Ces faits constituent-ils une menace sérieuse ?",
                                        "Que doit faire M. Diallo dans l’immédiat ?",
                                        "Que doit faire l’OPJ qui reçoit sa plainte ?",
                                    ],
                                    "analysis": (
                                        "<p>Oui. Pris ensemble, l’appel explicite, la "
                                        "surveillance de son bureau et le repérage de ses "
                                        "horaires dessinent une menace qui s’intensifie et qui "
                                        "vise ses déplacements.</p><p>Consigner chaque incident, "
                                        "conserver le journal d’appels, varier ses horaires et "
                                        "ses trajets, ne pas rentrer seul, informer son "
                                        "organisation et une personne de confiance, porter "
                                        "plainte et saisir la CNDH au titre du mécanisme de "
                                        "protection.</p><p>Enregistrer la plainte, recueillir les "
                                        "éléments (numéro appelant, description de la moto, "
                                        "témoignage du gardien), informer le procureur, évaluer "
                                        "l’urgence avec le plaignant et proposer des mesures : "
                                        "passages de patrouille, numéro d’urgence.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Documenter un incident",
                                    "do": [
                                        (
                                            "Noter immédiatement la date, l’heure, le lieu et le "
                                            "déroulement des faits."
                                        ),
                                        (
                                            "Décrire les personnes et les véhicules (tenue, "
                                            "signes distinctifs, plaque)."
                                        ),
                                        (
                                            "Conserver les preuves : captures d’écran, journaux "
                                            "d’appels, photos."
                                        ),
                                        (
                                            "Relever les noms des témoins et les informer avec "
                                            "prudence."
                                        ),
                                        (
                                            "Partager le registre des incidents avec son "
                                            "organisation."
                                        ),
                                    ],
                                    "dont": [
                                        "Supprimer un message menaçant « pour ne plus le voir ».",
                                        "Répondre aux auteurs ou chercher à les confronter seul.",
                                        (
                                            "Publier l’incident sur les réseaux sociaux avant "
                                            "d’avoir évalué les risques."
                                        ),
                                        "Garder l’information pour soi par peur d’inquiéter.",
                                    ],
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Une menace peut être explicite ou se lire à travers "
                                            "des signaux répétés."
                                        ),
                                        (
                                            "Chaque incident se consigne : la trace écrite sert "
                                            "l’analyse et la plainte."
                                        ),
                                        (
                                            "Face à une menace qui s’intensifie : plainte, "
                                            "mesures immédiates et saisine de la CNDH."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Plan de sécurité et prévention des enlèvements",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Le Mali est confronté depuis 2012 à des défis majeurs en "
                                    "matière de paix et de sécurité. Pour un défenseur qui se "
                                    "rend dans les zones rurales du Centre ou qui suit des "
                                    "dossiers sensibles, l’enlèvement est un risque réel. La "
                                    "meilleure réponse est préparée à l’avance : c’est le "
                                    "<strong>plan de sécurité</strong>.</p><h3>Ce que contient un "
                                    "plan de sécurité</h3><ul><li>Une liste de contacts d’urgence "
                                    "à jour (collègues, famille, avocat, CNDH, unités de police "
                                    "et de gendarmerie).</li><li>Un <strong>protocole de "
                                    "suivi</strong> : qui sait où je vais, quand je dois donner "
                                    "des nouvelles, et que faire si je ne le fais "
                                    "pas.</li><li>Des règles de déplacement : varier les horaires "
                                    "et les itinéraires, éviter les trajets de nuit, se "
                                    "renseigner sur l’état de la route avant de "
                                    "partir.</li><li>Des mesures pour le bureau et le domicile : "
                                    "accès contrôlés, éclairage, documents sensibles "
                                    "rangés.</li><li>Une solution de repli : où se mettre à "
                                    "l’abri quelques jours si la menace s’aggrave.</li></ul>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Plan de sécurité",
                                    "definition": (
                                        "Document court, connu des personnes concernées et "
                                        "régulièrement mis à jour, qui décrit les mesures de "
                                        "prévention d’un défenseur ou d’une organisation et la "
                                        "conduite à tenir en cas d’incident : contacts d’urgence, "
                                        "protocole de suivi des déplacements, mise à l’abri, "
                                        "alerte des autorités."
                                    ),
                                },
                            ),
                            (
                                "video",
                                {
                                    "url": "",
                                    "title": "Le protocole de suivi des déplacements",
                                    "duration_minutes": 4,
                                    "transcript": (
                                        "<strong>[Capsule pédagogique — transcription "
                                        "intégrale]</strong><p>Un défenseur doit se rendre de "
                                        "Sévaré dans une commune rurale pour rencontrer des "
                                        "victimes. Voici comment appliquer un protocole de "
                                        "suivi.</p><p>Avant le départ, il communique à une "
                                        "personne de confiance, au sein de son organisation, son "
                                        "itinéraire, le nom des personnes qu’il va rencontrer, le "
                                        "véhicule utilisé et l’heure prévue de retour. Il "
                                        "convient avec elle d’heures de contact : par exemple à "
                                        "l’arrivée, à la mi-journée et au retour.</p><p>Ils "
                                        "conviennent aussi d’un mot code. Un message anodin comme "
                                        "« la réunion est reportée » peut signifier « je suis en "
                                        "difficulté, alertez ». Ce code n’est écrit nulle part "
                                        "dans son téléphone.</p><p>Pendant le trajet, il donne "
                                        "des nouvelles aux heures prévues. S’il change de "
                                        "programme, il le signale.</p><p>Si un contact est "
                                        "manqué, la personne de confiance n’attend pas le "
                                        "lendemain. Elle essaie de le joindre, puis ses "
                                        "interlocuteurs sur place. Passé le délai convenu, "
                                        "souvent une heure ou deux, elle alerte le responsable de "
                                        "l’organisation, puis la gendarmerie ou la police la plus "
                                        "proche, et la CNDH.</p><p>Au retour, il confirme son "
                                        "arrivée. Un protocole de suivi ne sert que s’il est "
                                        "appliqué à chaque déplacement, même les plus courts.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Déplacements et prévention des enlèvements",
                                    "do": [
                                        (
                                            "Informer une personne de confiance de chaque "
                                            "déplacement et convenir d’heures de contact."
                                        ),
                                        "Varier les horaires et les itinéraires réguliers.",
                                        (
                                            "Se renseigner sur la situation sécuritaire avant un "
                                            "déplacement en zone rurale."
                                        ),
                                        (
                                            "Emporter un téléphone chargé, protégé, et une liste "
                                            "de contacts d’urgence sur papier."
                                        ),
                                        (
                                            "Convenir d’un mot code d’alerte connu des seuls "
                                            "proches concernés."
                                        ),
                                    ],
                                    "dont": [
                                        (
                                            "Annoncer publiquement ses déplacements à l’avance "
                                            "sur les réseaux sociaux."
                                        ),
                                        "Voyager de nuit sur des axes peu sûrs.",
                                        (
                                            "Emporter sur le terrain des listes complètes de "
                                            "victimes et de témoins."
                                        ),
                                        (
                                            "Négliger un contact manqué en pensant que « le "
                                            "réseau est mauvais »."
                                        ),
                                    ],
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "La personne de confiance d’un défenseur parti pour "
                                        "Djenné n’a pas eu de nouvelles depuis trois heures, "
                                        "alors qu’un contact était prévu à midi. Que doit-elle "
                                        "faire ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "Attendre le lendemain : le réseau téléphonique "
                                                "est souvent coupé."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Les premières heures sont décisives en cas "
                                                "d’enlèvement ou d’accident."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Appliquer le protocole : tenter de le joindre, "
                                                "puis ses interlocuteurs, puis alerter "
                                                "l’organisation et les autorités."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : le protocole prévoit une escalade rapide "
                                                "et ordonnée."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Publier immédiatement un avis de disparition sur "
                                                "les réseaux sociaux."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Une publicité précipitée peut aggraver le danger "
                                                "; l’alerte passe d’abord par l’organisation et "
                                                "les autorités."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Un protocole de suivi ne vaut que par la réaction "
                                        "prévue en cas de silence. Elle doit être rapide, "
                                        "ordonnée et discrète.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Le plan de sécurité se prépare avant l’incident et "
                                            "se met à jour régulièrement."
                                        ),
                                        (
                                            "Le protocole de suivi repose sur des heures de "
                                            "contact et une réaction rapide en cas de silence."
                                        ),
                                        (
                                            "Varier ses habitudes et limiter ce que l’on emporte "
                                            "réduisent le risque d’enlèvement."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Protéger ses données et ses appareils",
                "introduction": (
                    "<p>Les défenseurs gèrent des données électroniques qui nécessitent une "
                    "protection adéquate. Ce module présente les gestes essentiels pour sécuriser "
                    "ses appareils et ses comptes, protéger les données sensibles et communiquer "
                    "en sécurité.</p><p>Ces gestes valent aussi pour les OPJ, qui détiennent des "
                    "informations sur des victimes, des témoins et des suspects.</p>"
                ),
                "objectives": [
                    "Appliquer les règles de base de l’hygiène numérique.",
                    "Reconnaître une tentative d’hameçonnage.",
                    (
                        "Protéger les données sensibles par la minimisation, le chiffrement et la "
                        "sauvegarde."
                    ),
                ],
                "lessons": [
                    {
                        "title": "Sécuriser ses appareils et ses comptes",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Un téléphone contient aujourd’hui l’essentiel de la vie "
                                    "d’un défenseur : ses contacts, ses messages, ses photos, "
                                    "parfois les témoignages qu’il a recueillis. Le perdre, se le "
                                    "faire voler ou se faire pirater un compte peut exposer des "
                                    "victimes et des témoins à des représailles. La sécurité "
                                    "numérique commence donc par des gestes simples, accessibles "
                                    "à tous.</p><h3>Les principales menaces</h3><ul><li>le vol ou "
                                    "la perte d’un appareil non verrouillé ;</li><li>le piratage "
                                    "d’un compte (messagerie, courrier électronique, réseaux "
                                    "sociaux) par un mot de passe faible ou réutilisé "
                                    ";</li><li>l’hameçonnage : un message piégé qui pousse à "
                                    "donner un code ou à cliquer sur un lien ;</li><li>les "
                                    "logiciels malveillants installés à partir d’applications de "
                                    "source inconnue ;</li><li>l’accès physique à l’appareil par "
                                    "un tiers, même quelques minutes.</li></ul>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Authentification à deux facteurs",
                                    "definition": (
                                        "Mécanisme de sécurité qui exige, en plus du mot de "
                                        "passe, une seconde preuve d’identité (code reçu par SMS "
                                        "ou généré par une application, clé physique) pour "
                                        "accéder à un compte. Un pirate qui a volé le mot de "
                                        "passe ne peut alors pas se connecter seul."
                                    ),
                                },
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Hameçonnage",
                                    "definition": (
                                        "Technique de fraude qui consiste à envoyer un message "
                                        "imitant un interlocuteur de confiance (opérateur, "
                                        "banque, collègue, plateforme de messagerie) pour amener "
                                        "la victime à communiquer un mot de passe ou un code, ou "
                                        "à ouvrir un lien ou une pièce jointe malveillants."
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Hygiène numérique de base",
                                    "do": [
                                        (
                                            "Verrouiller téléphone et ordinateur par un code "
                                            "long, jamais une date de naissance."
                                        ),
                                        (
                                            "Utiliser un mot de passe différent pour chaque "
                                            "compte, conservé dans un gestionnaire de mots de "
                                            "passe."
                                        ),
                                        (
                                            "Activer l’authentification à deux facteurs sur la "
                                            "messagerie et le courrier."
                                        ),
                                        (
                                            "Installer les mises à jour du système et des "
                                            "applications dès qu’elles sont proposées."
                                        ),
                                        (
                                            "N’installer des applications que depuis les "
                                            "boutiques officielles."
                                        ),
                                    ],
                                    "dont": [
                                        (
                                            "Communiquer un code reçu par SMS, même à quelqu’un "
                                            "qui se dit de l’opérateur."
                                        ),
                                        "Prêter son téléphone déverrouillé à un inconnu.",
                                        "Utiliser le même mot de passe partout.",
                                        (
                                            "Cliquer sur un lien reçu d’un numéro inconnu qui "
                                            "annonce un gain ou une urgence."
                                        ),
                                    ],
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Vous recevez ce SMS : « Votre compte de messagerie va "
                                        "être suspendu. Envoyez-nous le code à 6 chiffres que "
                                        "vous allez recevoir. » Que faites-vous ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": "J’envoie le code pour éviter la suspension.",
                                            "is_correct": False,
                                            "feedback": (
                                                "C’est exactement ce que cherche le fraudeur : ce "
                                                "code lui permet de prendre le contrôle de votre "
                                                "compte."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "Je n’envoie rien, je supprime le message et je "
                                                "vérifie que l’authentification à deux facteurs "
                                                "est activée."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : aucun service légitime ne vous demande "
                                                "de lui transmettre ce code."
                                            ),
                                        },
                                        {
                                            "text": "Je réponds pour demander qui écrit.",
                                            "is_correct": False,
                                            "feedback": (
                                                "Répondre confirme que le numéro est actif et "
                                                "ouvre la discussion au fraudeur."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>Les codes de vérification sont personnels : ils ne se "
                                        "communiquent jamais, à personne. Un compte de messagerie "
                                        "piraté donne accès à tous vos contacts et permet "
                                        "d’usurper votre identité auprès d’eux.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Un appareil verrouillé et à jour est la première "
                                            "protection."
                                        ),
                                        (
                                            "Un mot de passe par compte, et l’authentification à "
                                            "deux facteurs partout où c’est possible."
                                        ),
                                        "Un code de vérification ne se communique jamais.",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Protéger les données sensibles et communiquer en sécurité",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Les données les plus sensibles ne sont pas celles du "
                                    "défenseur lui-même, mais celles des personnes qui lui ont "
                                    "fait confiance : victimes, témoins, sources. Leur "
                                    "divulgation peut les exposer à des représailles. Trois "
                                    "principes guident leur protection.</p><h3>1. Collecter le "
                                    "moins possible</h3><p>Ne recueillir que ce qui est "
                                    "nécessaire, remplacer les noms par des codes lorsque c’est "
                                    "possible, et supprimer ce qui n’est plus utile.</p><h3>2. "
                                    "Chiffrer</h3><p>Activer le chiffrement de l’appareil (sur la "
                                    "plupart des téléphones récents, il est lié au code de "
                                    "verrouillage) et utiliser une messagerie chiffrée de bout en "
                                    "bout pour les échanges sensibles. Les messages éphémères "
                                    "limitent ce qu’un tiers trouverait sur un appareil saisi ou "
                                    "volé.</p><h3>3. Sauvegarder</h3><p>Conserver une copie des "
                                    "documents importants sur un support chiffré, rangé dans un "
                                    "autre lieu, pour qu’une perte ou une saisie ne fasse pas "
                                    "disparaître le travail de plusieurs années.</p>"
                                ),
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Minimisation des données",
                                    "definition": (
                                        "<p>Principe selon lequel on ne collecte et ne conserve "
                                        "que les données strictement nécessaires au but "
                                        "poursuivi, pour la durée nécessaire. Une donnée qui "
                                        "n’existe pas ne peut être ni volée, ni saisie, ni "
                                        "divulguée.</p>"
                                    ),
                                },
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Chiffrement",
                                    "definition": (
                                        "Procédé qui rend des données illisibles pour quiconque "
                                        "ne possède pas la clé (code, mot de passe) permettant de "
                                        "les déchiffrer. Le chiffrement « de bout en bout » "
                                        "garantit que seuls l’expéditeur et le destinataire "
                                        "peuvent lire un message."
                                    ),
                                },
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Métadonnées",
                                    "definition": (
                                        "Données qui décrivent une communication ou un fichier "
                                        "sans en révéler le contenu : qui a appelé qui, quand, "
                                        "combien de temps, depuis quel lieu ; date et coordonnées "
                                        "GPS d’une photo. Elles peuvent suffire à reconstituer un "
                                        "réseau de contacts ou des déplacements."
                                    ),
                                },
                            ),
                            (
                                "case_scenario",
                                {
                                    "title": "Un téléphone volé au marché de Mopti",
                                    "situation": (
                                        "<p>Mme Nana Cissé, animatrice d’une association qui "
                                        "accompagne des survivantes de violences, se fait voler "
                                        "son téléphone au marché. L’appareil n’avait pas de code "
                                        "de verrouillage. Il contenait un groupe de messagerie où "
                                        "l’équipe échange les noms, quartiers et numéros des "
                                        "survivantes suivies, ainsi que des photos de certificats "
                                        "médicaux.</p>"
                                    ),
                                    "questions": [
                                        "Quels sont les risques pour les survivantes ?",
                                        "Que faire dans les premières heures ?",
                                        "Quelles mesures auraient limité les dégâts ?",
                                    ],
                                    "analysis": (
                                        "<p>Leur identité, leur adresse et la nature des "
                                        "violences subies peuvent être connues d’un tiers, voire "
                                        "des auteurs : risque de représailles, de pressions pour "
                                        "retirer une plainte et de "
                                        "stigmatisation.</p><p>Suspendre la ligne auprès de "
                                        "l’opérateur, se déconnecter à distance de la messagerie "
                                        "depuis un autre appareil, changer les mots de passe, "
                                        "retirer le numéro du groupe, porter plainte pour vol, "
                                        "prévenir l’association et évaluer avec elle s’il faut "
                                        "avertir les survivantes concernées.</p><p>Un code de "
                                        "verrouillage, le chiffrement de l’appareil, des codes à "
                                        "la place des noms dans le groupe, des messages "
                                        "éphémères, et la conservation des certificats médicaux "
                                        "hors du téléphone.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Les données des victimes et des témoins sont les "
                                            "plus sensibles : on en collecte le moins possible."
                                        ),
                                        (
                                            "Chiffrer l’appareil et les échanges, sauvegarder "
                                            "ailleurs ce qui compte."
                                        ),
                                        (
                                            "Les métadonnées révèlent aussi des contacts et des "
                                            "déplacements."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Le cadre juridique de la protection des défenseurs",
                "introduction": (
                    "<p>La sécurité des défenseurs ne repose pas seulement sur leurs propres "
                    "précautions : l’État a l’obligation de les protéger. Ce module présente le "
                    "cadre juridique applicable au Mali et les règles que l’OPJ doit respecter "
                    "lorsqu’il a affaire aux appareils et aux données d’un défenseur.</p>"
                ),
                "objectives": [
                    (
                        "Citer les textes qui protègent la sécurité, la vie privée et les données "
                        "des défenseurs."
                    ),
                    "Expliquer l’obligation de protection et le devoir de diligence de l’État.",
                    (
                        "Appliquer les règles de saisie et de confidentialité aux appareils d’un "
                        "défenseur."
                    ),
                ],
                "lessons": [
                    {
                        "title": "Ce que le droit prévoit pour la sécurité des défenseurs",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>La formation de septembre 2023 visait aussi à renforcer "
                                    "les connaissances des défenseurs sur le <strong>cadre "
                                    "juridique de leur protection au Mali</strong>. Connaître ce "
                                    "cadre permet au défenseur de faire valoir ses droits et à "
                                    "l’OPJ de savoir ce que la loi attend de lui.</p><ul><li>La "
                                    "<strong>loi n°2018-003 du 12 janvier 2018</strong> relative "
                                    "aux défenseurs des droits de l’homme reconnaît leurs droits "
                                    "et met à la charge de l’État une obligation de protection, "
                                    "qui s’étend à leur famille et à leurs "
                                    "collaborateurs.</li><li>Le <strong>Code pénal</strong> "
                                    "réprime les menaces, les violences, les enlèvements, les "
                                    "atteintes aux biens : ces infractions doivent faire l’objet "
                                    "d’une enquête, quelles que soient les activités ou les "
                                    "opinions de la victime.</li><li>La <strong>loi n°2013-015 du "
                                    "21 mai 2013</strong> protège les données à caractère "
                                    "personnel ; l’Autorité de protection des données à caractère "
                                    "personnel (APDP) veille à son application.</li><li>Les "
                                    "<strong>engagements internationaux</strong> du Mali, "
                                    "notamment le Pacte international relatif aux droits civils "
                                    "et politiques, protègent la vie privée et la "
                                    "correspondance.</li></ul>"
                                ),
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Loi n°2018-003 du 12 janvier 2018 relative aux "
                                        "défenseurs des droits de l’homme (Mali)"
                                    ),
                                    "article": "Article 15",
                                    "quote": (
                                        "L’État a l’obligation de protéger les défenseurs des "
                                        "droits de l’homme, les membres de leurs familles et "
                                        "leurs collaborateurs lorsqu’ils sont confrontés à une "
                                        "situation de risque ou de danger dans l’exercice de "
                                        "leurs activités (résumé)."
                                    ),
                                    "source_url": "",
                                },
                            ),
                            (
                                "legal_reference",
                                {
                                    "instrument": (
                                        "Pacte international relatif aux droits civils et "
                                        "politiques (1966)"
                                    ),
                                    "article": "Article 17",
                                    "quote": (
                                        "Nul ne sera l’objet d’immixtions arbitraires ou "
                                        "illégales dans sa vie privée, sa famille, son domicile "
                                        "ou sa correspondance, ni d’atteintes illégales à son "
                                        "honneur et à sa réputation. Toute personne a droit à la "
                                        "protection de la loi contre de telles immixtions ou de "
                                        "telles atteintes."
                                    ),
                                    "source_url": (
                                        "https://www.ohchr.org/fr/instruments-mechanisms/instruments/international-covenant-civil-and-political-rights"
                                    ),
                                },
                            ),
                            (
                                "key_concept",
                                {
                                    "term": "Devoir de diligence de l’État",
                                    "definition": (
                                        "<p>L’État ne répond pas seulement de ce que font ses "
                                        "agents : il doit aussi prendre des mesures raisonnables "
                                        "pour prévenir les atteintes commises par des "
                                        "particuliers, enquêter lorsqu’elles se produisent et en "
                                        "poursuivre les auteurs. Une menace signalée et restée "
                                        "sans suite engage la responsabilité de l’État si elle se "
                                        "réalise.</p>"
                                    ),
                                },
                            ),
                            (
                                "self_check",
                                {
                                    "question": (
                                        "Un défenseur de Kayes signale des menaces de mort de la "
                                        "part d’un inconnu. L’OPJ estime que « ses positions "
                                        "cherchent les ennuis ». Quelle affirmation est exacte ?"
                                    ),
                                    "choices": [
                                        {
                                            "text": (
                                                "Les opinions du défenseur dispensent l’OPJ "
                                                "d’enquêter."
                                            ),
                                            "is_correct": False,
                                            "feedback": (
                                                "Les menaces sont une infraction, quelles que "
                                                "soient les opinions de la victime."
                                            ),
                                        },
                                        {
                                            "text": (
                                                "L’État doit protéger le défenseur, sa famille et "
                                                "ses collaborateurs face à une situation de "
                                                "risque, et l’OPJ doit enquêter."
                                            ),
                                            "is_correct": True,
                                            "feedback": (
                                                "Exact : c’est l’obligation posée par la loi "
                                                "relative aux défenseurs et le devoir de "
                                                "diligence de l’État."
                                            ),
                                        },
                                        {
                                            "text": "Seule la CNDH peut traiter cette situation.",
                                            "is_correct": False,
                                            "feedback": (
                                                "La CNDH accompagne, mais l’enquête pénale relève "
                                                "de la police judiciaire, sous l’autorité du "
                                                "procureur."
                                            ),
                                        },
                                    ],
                                    "explanation": (
                                        "<p>L’OPJ n’a pas à partager les opinions d’un défenseur "
                                        "pour le protéger. Il applique la loi, qui protège chacun "
                                        "contre les menaces et les violences.</p>"
                                    ),
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "La loi de 2018 oblige l’État à protéger les "
                                            "défenseurs, leur famille et leurs collaborateurs."
                                        ),
                                        (
                                            "Menaces, violences et enlèvements sont des "
                                            "infractions à instruire, quelles que soient les "
                                            "opinions de la victime."
                                        ),
                                        (
                                            "Vie privée et données personnelles sont protégées "
                                            "par le Pacte et par la loi de 2013."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "L’OPJ face aux appareils et aux données d’un défenseur",
                        "body": [
                            (
                                "paragraph",
                                (
                                    "<p>Il arrive qu’un OPJ ait entre les mains le téléphone ou "
                                    "l’ordinateur d’un défenseur : lors d’un contrôle, d’une "
                                    "perquisition, ou parce que le défenseur lui-même remet son "
                                    "appareil pour prouver les menaces qu’il reçoit. Dans tous "
                                    "les cas, ces appareils contiennent des informations sur des "
                                    "tiers, victimes et témoins, dont la divulgation pourrait "
                                    "mettre des vies en danger.</p><h3>Quelques "
                                    "règles</h3><ul><li>Une saisie ou une exploitation d’appareil "
                                    "n’est possible que dans le cadre prévu par le Code de "
                                    "procédure pénale, pour les besoins d’une enquête sur une "
                                    "infraction, et sous le contrôle du magistrat "
                                    "compétent.</li><li>L’exploitation se limite à ce qui est "
                                    "utile à l’enquête : on ne parcourt pas les conversations par "
                                    "curiosité.</li><li>Les objets saisis sont inventoriés et "
                                    "placés sous scellés, et la saisie est consignée au "
                                    "procès-verbal.</li><li>Les informations obtenues ne sont "
                                    "communiquées qu’aux personnes habilitées.</li><li>Lorsqu’un "
                                    "défenseur remet volontairement son appareil pour établir des "
                                    "menaces, on copie uniquement les éléments utiles (messages, "
                                    "journal d’appels), avec son accord.</li></ul>"
                                ),
                            ),
                            (
                                "glossary_term",
                                {
                                    "term": "Scellés",
                                    "definition": (
                                        "Procédé par lequel un objet saisi au cours d’une enquête "
                                        "est placé dans un contenant fermé et identifié, dont "
                                        "l’ouverture ne peut se faire sans que cela soit "
                                        "constaté. Les scellés garantissent l’intégrité de la "
                                        "preuve et la traçabilité de l’objet."
                                    ),
                                },
                            ),
                            (
                                "case_scenario",
                                {
                                    "title": "Un ordinateur au poste de contrôle",
                                    "situation": (
                                        "<p>Au poste de contrôle entre Sévaré et Mopti, un "
                                        "véhicule d’une association est arrêté. Le coordinateur, "
                                        "M. Youssouf Guindo, transporte un ordinateur portable "
                                        "contenant des entretiens avec des victimes. Un agent "
                                        "exige qu’il l’ouvre « pour vérifier qu’il n’y a rien de "
                                        "suspect » et commence à parcourir les dossiers.</p>"
                                    ),
                                    "questions": [
                                        "Cette consultation est-elle régulière ?",
                                        "Quels risques crée-t-elle ?",
                                        "Comment l’OPJ présent doit-il réagir ?",
                                    ],
                                    "analysis": (
                                        "<p>Non. Aucun indice d’infraction n’est relevé : la "
                                        "consultation des données personnelles d’un voyageur sans "
                                        "base légale est une immixtion arbitraire dans sa vie "
                                        "privée et sa correspondance.</p><p>Des informations sur "
                                        "des victimes et des témoins peuvent être vues, retenues "
                                        "ou photographiées par des personnes non habilitées, avec "
                                        "des risques de représailles. La confiance des "
                                        "populations envers les forces de sécurité en "
                                        "souffre.</p><p>Il fait cesser la consultation, vérifie "
                                        "l’identité du coordinateur et l’objet de son "
                                        "déplacement, et le laisse repartir en l’absence d’indice "
                                        "d’infraction. Si une infraction était sérieusement "
                                        "soupçonnée, il rendrait compte au procureur et "
                                        "appliquerait les règles de saisie et de scellés.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Appareils d’un défenseur entre vos mains",
                                    "do": [
                                        (
                                            "Vérifier la base légale avant toute saisie ou "
                                            "consultation."
                                        ),
                                        "Limiter l’exploitation à ce qui est utile à l’enquête.",
                                        (
                                            "Inventorier, placer sous scellés et consigner au "
                                            "procès-verbal."
                                        ),
                                        (
                                            "Protéger les informations sur les victimes et les "
                                            "témoins."
                                        ),
                                        (
                                            "Restituer l’appareil dès qu’il n’est plus utile à la "
                                            "procédure, sur décision compétente."
                                        ),
                                    ],
                                    "dont": [
                                        (
                                            "Parcourir des conversations par curiosité ou pour "
                                            "identifier des sources."
                                        ),
                                        "Copier des données sur un téléphone personnel.",
                                        "Exiger le code de déverrouillage par la menace.",
                                        (
                                            "Communiquer à des tiers des informations trouvées "
                                            "dans l’appareil."
                                        ),
                                    ],
                                },
                            ),
                            (
                                "remember",
                                {
                                    "title": "À retenir",
                                    "points": [
                                        (
                                            "Consulter ou saisir un appareil suppose une base "
                                            "légale et le contrôle du magistrat."
                                        ),
                                        (
                                            "L’exploitation se limite aux besoins de l’enquête ; "
                                            "les données des tiers sont protégées."
                                        ),
                                        (
                                            "Saisie inventoriée, placée sous scellés, consignée, "
                                            "puis restitution dès que possible."
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
]
