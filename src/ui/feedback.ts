/** One status and one alert region per page: sections report into them. */
export interface Feedback {
  status?: string;
  warnings?: string[];
  alert?: string;
}

export type Report = (feedback: Feedback) => void;
