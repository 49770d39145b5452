// YouTube's Shorts length limit: 60 s for uploads before 2024-10-15, 180 s (square or vertical) from that day.
export const SHORTS_180S_FROM = "2024-10-15";
export const SHORTS_MAX_SECONDS_BEFORE = 60;
export const SHORTS_MAX_SECONDS_AFTER = 180;
