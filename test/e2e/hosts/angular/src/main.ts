import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
// Registers every Floorview element; `floorview/agent-list` would register that one alone.
import 'floorview';
import { FloorComponent } from './floor.component.js';

bootstrapApplication(FloorComponent, { providers: [provideZonelessChangeDetection()] }).catch((err: unknown) => console.error(err));
