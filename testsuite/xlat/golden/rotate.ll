define hidden range(i32 4, 10) i32 @fvp_100b0_rotate(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 96
  %x12 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 104
  %x13 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 112
  %x14 = load i64, ptr %4, align 8, !tbaa !5
  %5 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %5, align 8, !tbaa !5
  %pc.p20 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p20, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

exit:                                             ; preds = %start, %entry.switch
  %x10.slot.0 = phi i64 [ %x10, %start ], [ %20, %entry.switch ]
  %x12.slot.0 = phi i64 [ %x12, %start ], [ 0, %entry.switch ]
  %x13.slot.0 = phi i64 [ %x13, %start ], [ 0, %entry.switch ]
  %x14.slot.0 = phi i64 [ %x14, %start ], [ 0, %entry.switch ]
  %x15.slot.0 = phi i64 [ %x15, %start ], [ 0, %entry.switch ]
  %exit.pc = phi i64 [ %pc, %start ], [ %21, %entry.switch ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %entry.switch ]
  store i64 %x10.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %x12.slot.0, ptr %2, align 8, !tbaa !5
  store i64 %x13.slot.0, ptr %3, align 8, !tbaa !5
  store i64 %x14.slot.0, ptr %4, align 8, !tbaa !5
  store i64 %x15.slot.0, ptr %5, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p20, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %6 = lshr i64 %x10, 6
  %7 = and i64 %6, 67108863
  %8 = shl i64 %x10, 26
  %9 = or disjoint i64 %7, %8
  %10 = lshr i64 %x10, 11
  %11 = and i64 %10, 2097151
  %12 = shl i64 %x10, 21
  %13 = or disjoint i64 %11, %12
  %14 = xor i64 %9, %13
  %15 = lshr i64 %x10, 25
  %16 = and i64 %15, 127
  %17 = shl i64 %x10, 7
  %18 = or disjoint i64 %16, %17
  %19 = add i64 %18, %14
  %sext = shl i64 %19, 32
  %20 = ashr exact i64 %sext, 32
  %21 = and i64 %x1, -2
  br label %exit
}
