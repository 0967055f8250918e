import { recordIdAliases } from './dealAliases';

// Labels from HubSpot's default activity properties (FORMATS.md §1.5: corroborated, several
// marked [?]) plus the internal names. Translations are best-effort — extend them from real
// files. Association columns stay English in localized exports.

export const activityAliases = {
  recordId: recordIdAliases,
  activityDate: [
    'Activity date',
    'hs_timestamp',
    'Fecha de actividad',
    'Aktivitätsdatum',
    "Date de l'activité",
    'Data da atividade',
  ],
  assignedTo: [
    'Activity assigned to',
    'Assigned to',
    'hubspot_owner_id',
    'Actividad asignada a',
    'Aktivität zugewiesen an',
    'Activité attribuée à',
    'Atividade atribuída a',
  ],
  dealIds: ['Associated Deal IDs', 'Associated Deal IDs (Primary)', 'Associated Deal ID'],
  contact: ['Associated Contact', 'Associated Contact (Primary)'],
  callTitle: ['Call Title', 'hs_call_title', 'Título de la llamada', 'Anruftitel', "Titre de l'appel"],
  callNotes: ['Call notes', 'hs_call_body', 'Notas de la llamada', 'Anrufnotizen', "Notes d'appel"],
  callDuration: [
    'Call duration',
    'hs_call_duration',
    'Duración de la llamada',
    'Anrufdauer',
    "Durée de l'appel",
  ],
  callOutcome: [
    'Call outcome',
    'hs_call_disposition',
    'Resultado de la llamada',
    'Anrufergebnis',
    "Résultat de l'appel",
  ],
  callDirection: ['Call direction', 'hs_call_direction', 'Dirección de la llamada', 'Anrufrichtung'],
  callStatus: ['Call status', 'hs_call_status', 'Estado de la llamada', 'Anrufstatus'],
  meetingName: [
    'Meeting name',
    'hs_meeting_title',
    'Nombre de la reunión',
    'Meeting-Name',
    'Name des Meetings',
    'Nom de la réunion',
  ],
  meetingStart: [
    'Meeting start time',
    'hs_meeting_start_time',
    'Hora de inicio de la reunión',
    'Startzeit des Meetings',
  ],
  meetingEnd: [
    'Meeting end time',
    'hs_meeting_end_time',
    'Hora de finalización de la reunión',
    'Endzeit des Meetings',
  ],
  meetingOutcome: ['Meeting outcome', 'hs_meeting_outcome', 'Resultado de la reunión', 'Meeting-Ergebnis'],
  meetingBody: [
    'Meeting description',
    'hs_meeting_body',
    'Descripción de la reunión',
    'Meeting-Beschreibung',
  ],
  taskTitle: ['Task title', 'hs_task_subject', 'Título de la tarea', 'Aufgabentitel', 'Titre de la tâche'],
  taskStatus: ['Task status', 'hs_task_status', 'Estado de la tarea', 'Aufgabenstatus', 'Statut de la tâche'],
  taskType: ['Task type', 'hs_task_type', 'Tipo de tarea', 'Aufgabentyp', 'Type de tâche'],
  completionDate: [
    'Completion date',
    'Task completion date',
    'hs_task_completion_date',
    'Fecha de finalización',
    'Abschlussdatum der Aufgabe',
    "Date d'achèvement",
  ],
  taskBody: ['Task body', 'Task notes', 'hs_task_body', 'Notas de la tarea', 'Aufgabennotizen'],
  emailSubject: [
    'Email subject',
    'hs_email_subject',
    'Asunto del correo',
    'E-Mail-Betreff',
    "Objet de l'e-mail",
  ],
  emailDirection: ['Email direction', 'hs_email_direction', 'Dirección del correo', 'E-Mail-Richtung'],
  emailBody: ['Email body', 'Email text', 'hs_email_text', 'Cuerpo del correo', 'E-Mail-Text'],
  noteBody: ['Note body', 'hs_note_body', 'Cuerpo de la nota', 'Notiztext', 'Corps de la note'],
} as const;

export type ActivityField = keyof typeof activityAliases;

export type HubspotObject = 'call' | 'email' | 'meeting' | 'task' | 'note';

/** The columns that only one activity object has: which ones a file carries tells its object type. */
export const objectColumns: Record<HubspotObject, readonly ActivityField[]> = {
  call: ['callTitle', 'callNotes', 'callDuration', 'callOutcome', 'callDirection', 'callStatus'],
  meeting: ['meetingName', 'meetingStart', 'meetingEnd', 'meetingOutcome', 'meetingBody'],
  task: ['taskTitle', 'taskStatus', 'taskType', 'completionDate', 'taskBody'],
  email: ['emailSubject', 'emailDirection', 'emailBody'],
  note: ['noteBody'],
};
