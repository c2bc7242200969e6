define hidden range(i32 4, 10) i32 @fvp_100b0_divide(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 96
  %x12 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 104
  %x13 = load i64, ptr %4, align 8, !tbaa !5
  %pc.p16 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p16, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

exit:                                             ; preds = %start, %div.join22
  %x10.slot.0 = phi i64 [ %x10, %start ], [ %10, %div.join22 ]
  %x12.slot.0 = phi i64 [ %x12, %start ], [ 0, %div.join22 ]
  %x13.slot.0 = phi i64 [ %x13, %start ], [ 0, %div.join22 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %11, %div.join22 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %div.join22 ]
  store i64 %x10.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %x12.slot.0, ptr %3, align 8, !tbaa !5
  store i64 %x13.slot.0, ptr %4, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p16, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %5 = icmp eq i64 %x11, 0
  br i1 %5, label %div.join22, label %div.join

div.join:                                         ; preds = %entry.switch
  %6 = udiv i64 %x10, %x11
  %cond = icmp eq i64 %x11, -1
  br i1 %cond, label %div.join22, label %div21

div21:                                            ; preds = %div.join
  %7 = srem i64 %x10, %x11
  br label %div.join22

div.join22:                                       ; preds = %div.join, %entry.switch, %div21
  %8 = phi i64 [ %7, %div21 ], [ 0, %div.join ], [ %x10, %entry.switch ]
  %9 = phi i64 [ %6, %div21 ], [ %6, %div.join ], [ -1, %entry.switch ]
  %10 = add i64 %9, %8
  %11 = and i64 %x1, -2
  br label %exit
}
